package io.animo.guideline.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.animo.platform.persistence.TenantOwnedRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The guidelines state of a community (its revision, whether members must acknowledge): the row that guideline
 * writers lock, so that changes of one community's guidelines take turns.
 */
@ApplicationScoped
public class CommunityGuidelinesRepository implements TenantOwnedRepository<CommunityGuidelinesEntity> {

    /** The community's row, locked until the transaction ends; null when the tenant has no such community. */
    public Uni<CommunityGuidelinesEntity> findLocked(UUID tenantId, UUID communityId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from CommunityGuidelinesEntity c"
                + " where c.tenantId = :tenant and c.id = :id", CommunityGuidelinesEntity.class)
                .setParameter("tenant", tenantId).setParameter("id", communityId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResultOrNull());
    }
}
