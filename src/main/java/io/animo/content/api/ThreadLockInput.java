package io.animo.content.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ThreadLockInput")
public record ThreadLockInput(@Id @NonNull String threadId, @NonNull Boolean locked, String clientMutationId) {
}
