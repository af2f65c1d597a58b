package io.animo.rule.domain;

public enum RuleAction {
    FLAG, HOLD, REJECT, WARN, MUTE
}
