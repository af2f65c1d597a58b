package io.animo.webhook.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Announces something to the tenant's webhook endpoints, in the transaction of the change itself: the deliveries
 * are rows, committed (or not) with it, and sent by the {@link WebhookDispatcher} afterwards, however many restarts
 * later. Body: {@code {"id", "type", "occurredAt", "data"}}.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final WebhookRepository webhooks;

    public WebhookOutbox(WebhookRepository webhooks) {
        this.webhooks = webhooks;
    }

    public Uni<Void> announce(Tx tx, String type, JsonObject data) {
        return webhooks.enqueue(tx, type, body(type, data), null);
    }

    Uni<Void> announceTo(Tx tx, UUID endpointId, String type, JsonObject data) {
        return webhooks.enqueue(tx, type, body(type, data), endpointId);
    }

    private static String body(String type, JsonObject data) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("type", type)
                .put("occurredAt", Instant.now().toString()).put("data", data).encode();
    }
}
