package io.animo.content.domain;

public enum ThreadKind {
    DISCUSSION, QUESTION, ANNOUNCEMENT,
    /** Created by debateCreate only: carries a debate (theme, sides, open window). */
    DEBATE,
    /** Created by pollCreate only: carries a poll (options, votes). */
    POLL
}
