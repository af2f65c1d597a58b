package io.animo.member.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CommunityLeaveInput")
public record CommunityLeaveInput(@Id @NonNull String communityId, String clientMutationId) {
}
