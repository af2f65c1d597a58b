package io.animo.guideline.domain;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.member.domain.CommunityAccess;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityCondition;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The guidelines' part of the community gate: a community that requires it lets a member post, edit,
 * react and vote only once they acknowledged the current revision of its guidelines (and only when it
 * has any). Authors known only by an external handle cannot acknowledge anything, so it does not apply
 * to ingested content.
 */
@ApplicationScoped
public class GuidelineGate implements CommunityCondition {

    public static final String CODE = "GUIDELINES_NOT_ACKNOWLEDGED";
    public static final String MESSAGE = "Read and acknowledge the community guidelines before posting.";

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Uni<UserError> check(Tx tx, CommunityAction action, CommunityAccess access, String field) {
        boolean applies = action == CommunityAction.POST || action == CommunityAction.EDIT || action == CommunityAction.REACT
                || action == CommunityAction.VOTE;
        // the flag comes with the community row already read: most communities cost no query here
        if (!applies || !access.community().guidelinesAcknowledgementRequired || access.member().externalHandle != null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery("select count(*)"
                + " from CommunityGuidelinesEntity c where c.tenantId = :tenant and c.id = :community"
                + " and c.acknowledgementRequired = true"
                + " and exists (from GuidelineEntity g where g.tenantId = :tenant and g.communityId = c.id"
                + "   and g.deleted = false)"
                + " and not exists (from GuidelineAcknowledgementEntity a where a.tenantId = :tenant"
                + "   and a.communityId = c.id and a.memberId = :member and a.revision >= c.revision)", Long.class)
                .setParameter("tenant", tx.tenantId())
                .setParameter("community", access.community().id)
                .setParameter("member", access.member().id)
                .getSingleResult())
                .map(count -> count > 0 ? UserError.of(field, CODE, MESSAGE) : null);
    }
}
