package io.animo.moderation.domain;

public enum ItemReason {
    RULE_FLAG, RULE_HOLD, REPORT
}
