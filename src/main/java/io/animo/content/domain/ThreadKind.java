package io.animo.content.domain;

public enum ThreadKind {
    DISCUSSION, QUESTION, ANNOUNCEMENT
}
