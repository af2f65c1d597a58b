package io.animo.metrics.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TrackedTermRemoveInput")
public record TrackedTermRemoveInput(@Id @NonNull String id, String clientMutationId) {
}
