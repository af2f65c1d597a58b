package io.animo.guideline.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Posting gate: a community that requires it lets a member post only once they acknowledged the
 * current revision of its guidelines (and only when it has any).
 */
@ApplicationScoped
public class GuidelineGate {

    public static final String CODE = "GUIDELINES_NOT_ACKNOWLEDGED";
    public static final String MESSAGE = "Read and acknowledge the community guidelines before posting.";

    /** Within the caller's tenant transaction: true when {@code memberId} must acknowledge first. */
    public Uni<Boolean> mustAcknowledge(UUID tenantId, UUID communityId, UUID memberId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select count(*)"
                + " from CommunityGuidelinesEntity c where c.tenantId = :tenant and c.id = :community"
                + " and c.acknowledgementRequired = true"
                + " and exists (from GuidelineEntity g where g.tenantId = :tenant and g.communityId = c.id"
                + "   and g.deleted = false)"
                + " and not exists (from GuidelineAcknowledgementEntity a where a.tenantId = :tenant"
                + "   and a.communityId = c.id and a.memberId = :member and a.revision >= c.revision)", Long.class)
                .setParameter("tenant", tenantId)
                .setParameter("community", communityId)
                .setParameter("member", memberId)
                .getSingleResult())
                .map(count -> count > 0);
    }
}
