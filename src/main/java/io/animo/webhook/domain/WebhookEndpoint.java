package io.animo.webhook.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record WebhookEndpoint(UUID id, String url, List<String> eventTypes, Instant createdAt) {
}
