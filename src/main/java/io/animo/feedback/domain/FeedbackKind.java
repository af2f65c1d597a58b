package io.animo.feedback.domain;

public enum FeedbackKind {
    BUG, SUGGESTION
}
