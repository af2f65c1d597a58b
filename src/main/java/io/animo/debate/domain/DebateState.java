package io.animo.debate.domain;

/** Replies are accepted only while a debate is OPEN. */
public enum DebateState {
    UPCOMING, OPEN, CLOSED
}
