package io.animo.community.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CommunityArchiveInput")
public record CommunityArchiveInput(@Id @NonNull String id, Long version, String clientMutationId) {
}
