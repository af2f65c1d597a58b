package io.animo.feedback.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.feedback.domain.FeedbackResult;
import io.animo.platform.graphql.UserError;

@Type("FeedbackReportPayload")
public record FeedbackReportPayload(FeedbackReport report, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static FeedbackReportPayload of(FeedbackResult result, String clientMutationId) {
        return new FeedbackReportPayload(FeedbackReport.of(result.report()), result.userErrors(), clientMutationId);
    }
}
