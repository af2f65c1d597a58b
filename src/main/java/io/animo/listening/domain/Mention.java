package io.animo.listening.domain;

import java.time.Instant;
import java.util.UUID;

public record Mention(UUID id, UUID sourceId, String title, String url, String author, String body, String language,
        String sentiment, Instant publishedAt, Instant receivedAt) {
}
