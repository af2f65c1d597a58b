package io.animo.rule.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<RuleEntity, UUID> {

    public Uni<RuleEntity> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Rules of one scope: the tenant-wide ones when {@code communityId} is null, else that community's. */
    public Uni<List<RuleEntity>> inScope(UUID tenantId, UUID communityId) {
        return communityId == null
                ? list("tenantId = ?1 and communityId is null order by createdAt, id", tenantId)
                : list("tenantId = ?1 and communityId = ?2 order by createdAt, id", tenantId, communityId);
    }

    public Uni<Long> countInScope(UUID tenantId, UUID communityId) {
        return communityId == null
                ? count("tenantId = ?1 and communityId is null", tenantId)
                : count("tenantId = ?1 and communityId = ?2", tenantId, communityId);
    }
}
