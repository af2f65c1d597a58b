package io.animo.tenancy.domain;

import java.time.Instant;
import java.util.UUID;

import io.animo.platform.security.KeycloakRealms;

/**
 * Read model of a tenant, shared by the directory cache and the API mapping. {@code organization}: the alias of an
 * organization tenant in the shared realm {@code realm}; null for a realm tenant.
 */
public record TenantRecord(UUID id, String realm, TenantKind kind, String organization, String name,
        TenantStatus status, Instant createdAt, TenantLimits limits) {

    /** What a verified token names: the realm, or realm/organization. */
    public String key() {
        return KeycloakRealms.tenantKey(realm, organization);
    }

    static TenantRecord of(TenantEntity entity) {
        return new TenantRecord(entity.id, entity.realm, entity.kind, entity.organization, entity.name, entity.status,
                entity.createdAt,
                new TenantLimits(entity.costTenantCapacity, entity.costTenantRefillPerSecond, entity.costCallerCapacity,
                        entity.costCallerRefillPerSecond));
    }
}
