package io.animo.content.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MessageEditInput")
public record MessageEditInput(@Id @NonNull String messageId, @NonNull String body, String clientMutationId) {
}
