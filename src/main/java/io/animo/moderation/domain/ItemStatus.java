package io.animo.moderation.domain;

public enum ItemStatus {
    OPEN, CLAIMED, APPROVED, REMOVED, ESCALATED,
    /** Its author deleted the message before a moderator decided. */
    WITHDRAWN
}
