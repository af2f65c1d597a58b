package io.animo.listening.domain;

import java.time.Instant;

/** One fetch of a source (or one push it received): its outcome, HTTP status, new mentions, error, duration. */
public record FetchRecord(Instant at, String outcome, Integer httpStatus, int newMentions, String error,
        int durationMs) {
}
