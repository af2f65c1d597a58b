package io.animo.webhook.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WebhookEndpointInput")
public record WebhookEndpointInput(@Id @NonNull String id, String clientMutationId) {
}
