package io.animo.metrics.domain;

import java.time.Instant;
import java.util.UUID;

/** A term a tenant follows, who registered it, and how many messages and mentions name it so far. */
public record TrackedTerm(UUID id, String term, String createdByName, Instant createdAt, long mentions) {
}
