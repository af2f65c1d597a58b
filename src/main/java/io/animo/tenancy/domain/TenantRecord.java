package io.animo.tenancy.domain;

import java.time.Instant;
import java.util.UUID;

/** Read model of a tenant, shared by the directory cache and the API mapping. */
public record TenantRecord(UUID id, String realm, String name, TenantStatus status, Instant createdAt,
        TenantLimits limits) {

    static TenantRecord of(TenantEntity entity) {
        return new TenantRecord(entity.id, entity.realm, entity.name, entity.status, entity.createdAt,
                new TenantLimits(entity.costTenantCapacity, entity.costTenantRefillPerSecond, entity.costCallerCapacity,
                        entity.costCallerRefillPerSecond));
    }
}
