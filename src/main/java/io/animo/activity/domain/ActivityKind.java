package io.animo.activity.domain;

/** What a member did, as the engagement metrics count it (ARCHITECTURE §7). Stored by name. */
public enum ActivityKind {
    MEMBER_JOINED, MEMBER_LEFT, GUIDELINES_ACKNOWLEDGED, THREAD_CREATED, MESSAGE_POSTED, REPLY_POSTED, MESSAGE_EDITED, MESSAGE_DELETED, REACTION_ADDED, POLL_VOTED
}
