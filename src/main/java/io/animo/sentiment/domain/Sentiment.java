package io.animo.sentiment.domain;

import java.util.List;

/**
 * What the analyser reads in a text: its language ({@code en}, {@code fr}, or {@code und} when it cannot tell), a
 * label, a score between -1 (most negative) and 1 (most positive), and the words and emoji that weighed, with the
 * valence each brought after negation and intensifiers.
 */
public record Sentiment(String language, SentimentLabel label, double score, List<Contribution> contributions) {

    /** Scores within this distance of 0 are neutral (VADER's threshold). */
    public static final double NEUTRAL_BAND = 0.05;

    public record Contribution(String token, double valence) {
    }

    public static SentimentLabel labelOf(double score) {
        return score >= NEUTRAL_BAND
                ? SentimentLabel.POSITIVE
                : score <= -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }
}
