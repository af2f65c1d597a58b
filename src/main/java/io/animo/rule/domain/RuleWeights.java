package io.animo.rule.domain;

import java.util.List;

/** What a rule weighs against the limits of its scope ({@link RuleLimits}). */
final class RuleWeights {

    private RuleWeights() {
    }

    /** RE2/J instructions of a pattern rule (an upper bound, see {@link ProgramSize}); 0 for other kinds. */
    static long instructions(RuleDefinition rule) {
        if (rule.kind() != MatcherKind.REGEX || rule.pattern() == null) {
            return 0;
        }
        return Math.max(0, ProgramSize.of(rule.pattern()));
    }

    static long keywordCharacters(RuleDefinition rule) {
        if (rule.kind() != MatcherKind.KEYWORDS) {
            return 0;
        }
        return rule.keywordsOrEmpty().stream().filter(k -> k != null).mapToLong(String::length).sum();
    }

    /** Totals of a scope's rules, {@code replaced} (an id) left out: the rule being updated counts with its new definition. */
    static long instructions(List<RuleDefinition> scope, String replaced) {
        return scope.stream().filter(rule -> !rule.id().equals(replaced)).mapToLong(RuleWeights::instructions).sum();
    }

    static long keywordCharacters(List<RuleDefinition> scope, String replaced) {
        return scope.stream().filter(rule -> !rule.id().equals(replaced)).mapToLong(RuleWeights::keywordCharacters).sum();
    }
}
