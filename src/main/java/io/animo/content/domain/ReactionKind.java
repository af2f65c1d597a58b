package io.animo.content.domain;

public enum ReactionKind {
    LIKE, LOVE, LAUGH, INSIGHTFUL, SUPPORT, SAD, ANGRY
}
