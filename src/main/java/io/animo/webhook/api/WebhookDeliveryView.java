package io.animo.webhook.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.webhook.domain.WebhookDelivery;

@Type("WebhookDelivery")
@Description("One announcement to one endpoint: PENDING (sent, or retried later), DELIVERED (2xx) or FAILED.")
public record WebhookDeliveryView(@Id @NonNull String id, @NonNull String eventType, @NonNull String status,
        @NonNull int attempts, @Description("The HTTP status of the last attempt") Integer lastStatus,
        String lastError, @NonNull Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {

    static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id().toString(), d.eventType(), d.status(), d.attempts(), d.lastStatus(),
                d.lastError(), d.createdAt(), "PENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.deliveredAt());
    }
}
