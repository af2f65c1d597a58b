package io.animo.content.domain;

/** Whether members see it (PUBLISHED), it waits for a moderator (HELD), or a moderator removed it (REMOVED). */
public enum ContentStatus {
    PUBLISHED, HELD, REMOVED
}
