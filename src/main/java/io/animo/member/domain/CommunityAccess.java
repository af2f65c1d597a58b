package io.animo.member.domain;

import io.animo.community.domain.CommunityEntity;
import io.animo.platform.graphql.UserError;

/**
 * The gate's answer: allowed, with what it read on the way (reuse it rather than reading it again), or
 * refused with a {@link UserError} the caller can act on. {@code member} and {@code membership} are null
 * when the person has none.
 */
public record CommunityAccess(CommunityEntity community, MemberEntity member, MembershipEntity membership,
        UserError refusal) {

    public boolean allowed() {
        return refusal == null;
    }

    /** The same refusal, reported on another input field. */
    public UserError refusalOn(String field) {
        return refusal == null ? null : UserError.of(field, refusal.code(), refusal.message());
    }

    CommunityAccess refused(String field, String code, String message) {
        return new CommunityAccess(community, member, membership, UserError.of(field, code, message));
    }
}
