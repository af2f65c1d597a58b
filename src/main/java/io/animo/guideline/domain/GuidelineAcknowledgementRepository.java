package io.animo.guideline.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.ActivityEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Which revision of a community's guidelines each member acknowledged. Each query filters by tenant explicitly. */
@ApplicationScoped
public class GuidelineAcknowledgementRepository
        implements
            PanacheRepositoryBase<GuidelineAcknowledgementEntity, GuidelineAcknowledgementEntity.Key> {

    /** The member's acknowledgement of the community's guidelines; null when they never acknowledged them. */
    public Uni<GuidelineAcknowledgementEntity> ofMember(UUID tenantId, UUID communityId, UUID memberId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from GuidelineAcknowledgementEntity a"
                + " where a.tenantId = :tenant and a.communityId = :community and a.memberId = :member",
                GuidelineAcknowledgementEntity.class)
                .setParameter("tenant", tenantId).setParameter("community", communityId).setParameter("member", memberId)
                .getSingleResultOrNull());
    }

    /**
     * Stores an acknowledgement with its activity, at once: a new one is persisted, a managed one (read by
     * {@link #ofMember}) is written by the flush.
     */
    public Uni<Void> saveAndFlush(GuidelineAcknowledgementEntity acknowledgement, boolean isNew, ActivityEntity activity) {
        return Panache.getSession().chain(session -> (isNew
                ? session.persist(acknowledgement)
                : Uni.createFrom().voidItem())
                .chain(() -> session.persist(activity)).chain(session::flush));
    }

    /**
     * Whether the community requires acknowledging its guidelines, has any, and the member has not acknowledged
     * its current revision.
     */
    public Uni<Boolean> missing(UUID tenantId, UUID communityId, UUID memberId) {
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
