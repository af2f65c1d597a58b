package io.animo.rule.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rule engine on its own: evasion, word boundaries, linear-time patterns, the other matchers. */
class RuleEngineTest {

    private static RuleDefinition keywords(RuleAction action, String... words) {
        return rule(MatcherKind.KEYWORDS, action).keywords(List.of(words)).build();
    }

    @Test
    void forbiddenWordIsCaughtWhateverTheSpelling() {
        CompiledRuleSet rules = CompiledRuleSet.compile(List.of(keywords(RuleAction.REJECT, "scam", "idiot")));
        for (String text : List.of("what a scam", "what a SCAM", "what a sçàm", "what a ѕсаm" /* Cyrillic */,
                "what a $c4m", "what a scaaaaam", "what a s\u200Bcam" /* zero-width */, "what a ｓｃａｍ" /* full width */,
                "you 1d10t", "you IDIOOOT")) {
            Verdict verdict = rules.evaluate(text, PostingContext.UNKNOWN);
            assertEquals(ModerationOutcome.REJECTED, verdict.outcome(), text);
        }
    }

    @Test
    void harmlessWordContainingAForbiddenOneIsNotCaught() {
        CompiledRuleSet rules = CompiledRuleSet.compile(List.of(keywords(RuleAction.REJECT, "ass", "scam")));
        for (String text : List.of("a classic assignment", "as far as I know", "the scampi were great", "passion")) {
            assertEquals(ModerationOutcome.PUBLISHED, rules.evaluate(text, PostingContext.UNKNOWN).outcome(), text);
        }
        assertEquals(ModerationOutcome.REJECTED, rules.evaluate("you ass", PostingContext.UNKNOWN).outcome());
        assertEquals(ModerationOutcome.REJECTED, rules.evaluate("you aaasss!", PostingContext.UNKNOWN).outcome());
    }

    @Test
    void matchIsReportedAsASpanOfTheOriginalText() {
        CompiledRuleSet rules = CompiledRuleSet.compile(List.of(keywords(RuleAction.HOLD, "free money")));
        String text = "Get FRÉÉ mоnеy now";
        Verdict verdict = rules.evaluate(text, PostingContext.UNKNOWN);
        assertEquals(ModerationOutcome.HELD, verdict.outcome());
        RuleHit hit = verdict.hits().get(0);
        assertEquals("FRÉÉ mоnеy", text.substring(hit.start(), hit.end()));
    }

    @Test
    void pathologicalPatternRunsInLinearTime() {
        CompiledRuleSet rules = CompiledRuleSet
                .compile(List.of(rule(MatcherKind.REGEX, RuleAction.FLAG).pattern("(a+)+$").build()));
        String evil = "a".repeat(100_000) + "b";
        // java.util.regex needs longer than the age of the universe here; RE2/J a few milliseconds
        Verdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rules.evaluate(evil, PostingContext.UNKNOWN));
        assertEquals(ModerationOutcome.PUBLISHED, verdict.outcome());
        assertEquals(ModerationOutcome.FLAGGED, rules.evaluate("aaaa", PostingContext.UNKNOWN).outcome());
    }

    @Test
    void invalidPatternIsAUserError() {
        var errors = RuleValidator.validate(rule(MatcherKind.REGEX, RuleAction.FLAG).pattern("(unclosed").build());
        assertEquals("INVALID_REGEX", errors.get(0).code());
        var backReference = RuleValidator.validate(rule(MatcherKind.REGEX, RuleAction.FLAG).pattern("(a)\\1").build());
        assertEquals("INVALID_REGEX", backReference.get(0).code());
    }

    @Test
    void linksMentionsCapsFloodAndAccountAge() {
        RuleDefinition links = rule(MatcherKind.LINKS, RuleAction.HOLD).denyDomains(List.of("evil.example")).build();
        RuleDefinition onlyOurs = rule(MatcherKind.LINKS, RuleAction.FLAG).allowDomains(List.of("acme.example")).build();
        RuleDefinition mentions = rule(MatcherKind.MENTIONS, RuleAction.FLAG).maxMentions(2).build();
        RuleDefinition caps = rule(MatcherKind.CAPS, RuleAction.WARN).capsRatio(0.8).minLength(10).build();
        RuleDefinition flood = rule(MatcherKind.FLOOD, RuleAction.MUTE).maxMessages(5).windowSeconds(60).muteMinutes(15)
                .build();
        RuleDefinition young = rule(MatcherKind.ACCOUNT_AGE, RuleAction.HOLD).minAccountAgeHours(24).build();
        PostingContext old = new PostingContext(1000, 0);

        assertEquals(ModerationOutcome.HELD, one(links).evaluate("see https://shop.evil.example/x", old).outcome());
        assertEquals(ModerationOutcome.PUBLISHED, one(links).evaluate("see https://acme.example/x", old).outcome());
        assertEquals(ModerationOutcome.FLAGGED, one(onlyOurs).evaluate("see www.other.example", old).outcome());
        assertEquals(ModerationOutcome.PUBLISHED, one(onlyOurs).evaluate("see https://docs.acme.example", old).outcome());
        assertEquals(ModerationOutcome.FLAGGED, one(mentions).evaluate("@ann @bob @cy look", old).outcome());
        assertEquals(ModerationOutcome.PUBLISHED, one(mentions).evaluate("@ann @bob mail me at x@y.example", old).outcome());
        Verdict shouting = one(caps).evaluate("THIS IS A DISASTER", old);
        assertEquals(ModerationOutcome.PUBLISHED, shouting.outcome());
        assertTrue(shouting.warnAuthor());
        assertFalse(one(caps).evaluate("NASA rocks", old).warnAuthor());
        Verdict flooding = one(flood).evaluate("again", new PostingContext(1000, 5));
        assertEquals(ModerationOutcome.REJECTED, flooding.outcome());
        assertEquals(15, flooding.muteMinutes());
        assertEquals(ModerationOutcome.PUBLISHED, one(flood).evaluate("again", new PostingContext(1000, 4)).outcome());
        assertEquals(ModerationOutcome.HELD, one(young).evaluate("hello", new PostingContext(2, 0)).outcome());
    }

    @Test
    void strictestActionWinsAndDisabledRulesDoNothing() {
        RuleDefinition flag = keywords(RuleAction.FLAG, "refund");
        RuleDefinition reject = keywords(RuleAction.REJECT, "scam");
        RuleDefinition disabled = rule(MatcherKind.KEYWORDS, RuleAction.REJECT).keywords(List.of("refund")).enabled(false)
                .build();
        CompiledRuleSet rules = CompiledRuleSet.compile(List.of(flag, reject, disabled));
        assertEquals(2, rules.size());
        assertEquals(ModerationOutcome.FLAGGED, rules.evaluate("I want a refund", PostingContext.UNKNOWN).outcome());
        assertEquals(ModerationOutcome.REJECTED, rules.evaluate("refund scam", PostingContext.UNKNOWN).outcome());
    }

    private static CompiledRuleSet one(RuleDefinition rule) {
        return CompiledRuleSet.compile(List.of(rule));
    }

    static Builder rule(MatcherKind kind, RuleAction action) {
        return new Builder(kind, action);
    }

    /** Test builder: only the fields a test cares about. */
    static final class Builder {
        private static int counter;
        private final MatcherKind kind;
        private final RuleAction action;
        private List<String> keywords;
        private String pattern;
        private List<String> deny;
        private List<String> allow;
        private Integer maxMentions;
        private Double capsRatio;
        private Integer minLength;
        private Integer maxMessages;
        private Integer windowSeconds;
        private Integer minAge;
        private Integer muteMinutes;
        private boolean enabled = true;

        Builder(MatcherKind kind, RuleAction action) {
            this.kind = kind;
            this.action = action;
        }

        Builder keywords(List<String> value) {
            keywords = value;
            return this;
        }
        Builder pattern(String value) {
            pattern = value;
            return this;
        }
        Builder denyDomains(List<String> value) {
            deny = value;
            return this;
        }
        Builder allowDomains(List<String> value) {
            allow = value;
            return this;
        }
        Builder maxMentions(int value) {
            maxMentions = value;
            return this;
        }
        Builder capsRatio(double value) {
            capsRatio = value;
            return this;
        }
        Builder minLength(int value) {
            minLength = value;
            return this;
        }
        Builder maxMessages(int value) {
            maxMessages = value;
            return this;
        }
        Builder windowSeconds(int value) {
            windowSeconds = value;
            return this;
        }
        Builder minAccountAgeHours(int value) {
            minAge = value;
            return this;
        }
        Builder muteMinutes(int value) {
            muteMinutes = value;
            return this;
        }
        Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        RuleDefinition build() {
            counter++;
            return new RuleDefinition("r" + counter, kind + " rule " + counter, kind, keywords, pattern, deny, allow, null,
                    maxMentions, capsRatio, minLength, maxMessages, windowSeconds, minAge, action, RuleSeverity.MEDIUM,
                    muteMinutes, enabled);
        }
    }
}
