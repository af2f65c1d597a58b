package io.animo.content.domain;

/** Whether members see it (PUBLISHED) or it waits for a moderator (HELD). */
public enum ContentStatus {
    PUBLISHED, HELD
}
