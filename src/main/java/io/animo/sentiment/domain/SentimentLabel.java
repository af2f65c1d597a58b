package io.animo.sentiment.domain;

/** What a text says overall: stored by name on messages, activities and mentions. */
public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE
}
