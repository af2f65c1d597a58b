package io.animo.member.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.member.domain.CommunityRole;

@Input("MembershipRoleSetInput")
public record MembershipRoleSetInput(@Id @NonNull String communityId, @Id @NonNull String memberId,
        @NonNull CommunityRole role, String clientMutationId) {
}
