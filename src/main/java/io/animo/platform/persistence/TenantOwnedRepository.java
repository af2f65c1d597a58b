package io.animo.platform.persistence;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * A repository of entities owned by a tenant (a {@code tenantId} and an {@code id}): the managed entity of one
 * tenant by id, the way every aggregate finds what it changes. Queries name the tenant explicitly, so the indexes,
 * which start with {@code tenant_id}, serve them (row-level security would hide other tenants' rows anyway).
 */
public interface TenantOwnedRepository<E> extends PanacheRepositoryBase<E, UUID> {

    /** The managed entity, or null when this tenant has none with this id. */
    default Uni<E> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
