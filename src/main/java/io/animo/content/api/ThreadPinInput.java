package io.animo.content.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ThreadPinInput")
public record ThreadPinInput(@Id @NonNull String threadId, @NonNull Boolean pinned, String clientMutationId) {
}
