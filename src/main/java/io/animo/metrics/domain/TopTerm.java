package io.animo.metrics.domain;

/** A word of the period's messages: how many messages use it, and how many of those read positive or negative. */
public record TopTerm(String term, long messages, long positive, long neutral, long negative) {
}
