package io.animo.content.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MessageDeleteInput")
public record MessageDeleteInput(@Id @NonNull String messageId, String clientMutationId) {
}
