package io.animo.webhook.domain;

import java.time.Instant;
import java.util.UUID;

/** One announcement to one endpoint: PENDING until its endpoint answers 2xx (DELIVERED) or it runs out of attempts. */
public record WebhookDelivery(UUID id, UUID endpointId, String eventType, String status, int attempts,
        Integer lastStatus, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
}
