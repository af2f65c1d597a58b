package io.animo.webhook.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WebhookEndpointCreateInput")
public record WebhookEndpointCreateInput(@NonNull @Description("https, to a public address") String url,
        @NonNull @Description("event.created, event.cancelled, alert.raised, moderation.decided, webhook.test") List<@NonNull String> eventTypes,
        String clientMutationId) {
}
