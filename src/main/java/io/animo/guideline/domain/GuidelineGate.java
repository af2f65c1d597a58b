package io.animo.guideline.domain;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.member.domain.CommunityAccess;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityCondition;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
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

    private final GuidelineAcknowledgementRepository acknowledgements;

    public GuidelineGate(GuidelineAcknowledgementRepository acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

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
        return acknowledgements.missing(tx.tenantId(), access.community().id, access.member().id)
                .map(missing -> missing ? UserError.of(field, CODE, MESSAGE) : null);
    }
}
