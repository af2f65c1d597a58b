package io.animo.member.domain;

import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/**
 * A condition another feature adds to {@link CommunityGate}: the guidelines a member must acknowledge
 * before posting, the slow mode that spaces their messages. The gate asks every condition once its own
 * checks passed, so features built on members refine the one decision instead of making their own.
 */
public interface CommunityCondition {

    /** Null when {@code access} may go on with {@code action}; otherwise the refusal (on {@code field}). */
    Uni<UserError> check(Tx tx, CommunityAction action, CommunityAccess access, String field);

    /** Conditions are asked in this order, lowest first, so the same request always meets the same refusal. */
    int order();
}
