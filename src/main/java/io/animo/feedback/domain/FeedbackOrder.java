package io.animo.feedback.domain;

public enum FeedbackOrder {
    VOTES, AGE
}
