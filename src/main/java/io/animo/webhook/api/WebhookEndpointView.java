package io.animo.webhook.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.GlobalId;
import io.animo.webhook.domain.WebhookEndpoint;

@Type("WebhookEndpoint")
public record WebhookEndpointView(@Id @NonNull String id, @NonNull String url, @NonNull List<@NonNull String> eventTypes,
        @NonNull Instant createdAt) {

    static final String TYPE = "WebhookEndpoint";

    static WebhookEndpointView of(WebhookEndpoint e) {
        return e == null
                ? null
                : new WebhookEndpointView(GlobalId.encode(TYPE, e.id()), e.url(), e.eventTypes(),
                        e.createdAt());
    }
}
