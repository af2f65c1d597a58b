package io.animo.metrics.domain;

import java.time.Instant;

/** The content of one bucket that names a tracked term, by sentiment. */
public record TermMentionPoint(Instant start, long mentions, long positive, long neutral, long negative) {

    static TermMentionPoint empty(Instant start) {
        return new TermMentionPoint(start, 0, 0, 0, 0);
    }
}
