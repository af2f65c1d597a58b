package io.animo.rule.domain;

/** A rule that fired, and where (a span of the original text; -1 when the rule is not about a span). */
public record RuleHit(String ruleId, String ruleName, RuleAction action, RuleSeverity severity, int start, int end,
        String matched) {
}
