package io.animo.rule.domain;

public enum ModerationOutcome {
    PUBLISHED, FLAGGED, HELD, REJECTED
}
