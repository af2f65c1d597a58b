package io.animo.content.domain;

/**
 * Whether members see it (PUBLISHED), it waits for a moderator (HELD), a moderator removed it (REMOVED), or its
 * author deleted it (DELETED: the row stays, with an empty body, so replies keep their parent).
 */
public enum ContentStatus {
    PUBLISHED, HELD, REMOVED, DELETED
}
