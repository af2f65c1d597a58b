package io.animo.rule.domain;

public enum RuleSeverity {
    LOW, MEDIUM, HIGH, CRITICAL
}
