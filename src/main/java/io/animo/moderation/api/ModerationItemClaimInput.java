package io.animo.moderation.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ModerationItemClaimInput")
public record ModerationItemClaimInput(@Id @NonNull String itemId, String clientMutationId) {
}
