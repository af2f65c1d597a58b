package io.animo.moderation.domain;

public enum ItemStatus {
    OPEN, CLAIMED, APPROVED, REMOVED, ESCALATED
}
