package io.animo.content.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.content.domain.ReactionKind;

@Input("MessageReactInput")
public record MessageReactInput(@Id @NonNull String messageId, @NonNull ReactionKind kind, String clientMutationId) {
}
