package io.animo.rule.domain;

import java.time.Duration;

/**
 * What one tenant may ask of the rule engine, so no tenant can slow the service for the others. Every
 * bound holds whatever the shape of the input: sizes are checked before anything is compiled, the
 * compiled rules are cached by their weight in bytes, and matching stops at a time budget.
 */
public final class RuleLimits {

    public static final int MAX_RULES_PER_SCOPE = 200;
    public static final int MAX_KEYWORDS_PER_RULE = 2_000;
    public static final int MAX_KEYWORD_LENGTH = 100;
    public static final int MAX_PATTERN_LENGTH = 500;
    /** Instructions RE2/J may compile one pattern into (counted from the text before compiling). */
    public static final int MAX_PATTERN_INSTRUCTIONS = 1_000;
    /** Instructions of all the patterns of one scope (the tenant-wide rules, or one community's). */
    public static final int MAX_SCOPE_INSTRUCTIONS = 10_000;
    /** Characters of all the keywords of one scope: the keyword automaton's size and build time follow them. */
    public static final int MAX_SCOPE_KEYWORD_CHARACTERS = 100_000;
    public static final int MAX_DOMAINS = 500;
    public static final int MAX_TEST_TEXT_LENGTH = 20_000;
    public static final int MAX_MUTE_MINUTES = 60 * 24 * 365;
    public static final int MAX_HITS_REPORTED = 50;
    /**
     * Matching time one message may take against a community's rules. One pattern cannot run much longer
     * than this (text length and program size are both bounded); past it, the remaining patterns are not
     * run and the message is held for a moderator, so nothing escapes review.
     */
    public static final Duration EVALUATION_BUDGET = Duration.ofMillis(100);

    private RuleLimits() {
    }
}
