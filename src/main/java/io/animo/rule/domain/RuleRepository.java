package io.animo.rule.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.TenantOwnedRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RuleRepository implements TenantOwnedRepository<RuleEntity> {

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
