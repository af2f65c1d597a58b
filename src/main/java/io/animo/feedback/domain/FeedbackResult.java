package io.animo.feedback.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

public record FeedbackResult(FeedbackReportEntity report, List<UserError> userErrors) {

    static FeedbackResult ok(FeedbackReportEntity report) {
        return new FeedbackResult(report, List.of());
    }

    public static FeedbackResult refused(String field, String code, String message) {
        return new FeedbackResult(null, List.of(UserError.of(field, code, message)));
    }
}
