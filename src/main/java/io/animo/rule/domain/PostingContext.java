package io.animo.rule.domain;

/**
 * What the rules know about the author besides the text: account age and how many messages they
 * posted recently (for flood rules, counted over the longest window any rule of the set uses).
 */
public record PostingContext(long accountAgeHours, int recentMessages) {

    public static final PostingContext UNKNOWN = new PostingContext(Long.MAX_VALUE, 0);
}
