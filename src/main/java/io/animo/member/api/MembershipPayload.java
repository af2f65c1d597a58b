package io.animo.member.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.member.domain.MembershipResult;
import io.animo.platform.graphql.UserError;

@Type("MembershipPayload")
public record MembershipPayload(Membership membership, @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static MembershipPayload of(MembershipResult result, String clientMutationId) {
        return new MembershipPayload(Membership.of(result.membership()), result.userErrors(), clientMutationId);
    }
}
