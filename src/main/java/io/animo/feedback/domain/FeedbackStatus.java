package io.animo.feedback.domain;

public enum FeedbackStatus {
    NEW, CONFIRMED, IN_PROGRESS, FIXED, WONT_FIX, DUPLICATE
}
