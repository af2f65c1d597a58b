package io.animo.rule.domain;

/** What one tenant may ask of the rule engine, so no tenant can slow the service for the others. */
public final class RuleLimits {

    public static final int MAX_RULES_PER_SCOPE = 200;
    public static final int MAX_KEYWORDS_PER_RULE = 2_000;
    public static final int MAX_KEYWORD_LENGTH = 100;
    public static final int MAX_PATTERN_LENGTH = 500;
    public static final int MAX_DOMAINS = 500;
    public static final int MAX_TEST_TEXT_LENGTH = 20_000;
    public static final int MAX_MUTE_MINUTES = 60 * 24 * 365;
    public static final int MAX_HITS_REPORTED = 50;

    private RuleLimits() {
    }
}
