package io.animo.listening.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A listened-to source with its polling state and its mentions over the window it was read for. */
public record Source(UUID id, SourceKind kind, String name, String url, String handle, UUID communityId,
        String language, List<String> tags, Long reach, SourceStatus status, int pollIntervalSeconds,
        Instant nextPollAt, Instant lastPolledAt, String lastError, Instant lastErrorAt, int consecutiveFailures,
        Instant createdAt, long mentions, long positive, long negative) {
}
