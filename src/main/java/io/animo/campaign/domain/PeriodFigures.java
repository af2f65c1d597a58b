package io.animo.campaign.domain;

/** What happened in the target communities over one period. */
public record PeriodFigures(long messages, long activeMembers, long joins, long clicks, long positive, long negative,
        long withSentiment) {

    public static final PeriodFigures NONE = new PeriodFigures(0, 0, 0, 0, 0, 0, 0);

    /** Positive messages among those whose sentiment is known; null when none is. */
    public Double positiveShare() {
        return withSentiment == 0 ? null : (double) positive / withSentiment;
    }
}
