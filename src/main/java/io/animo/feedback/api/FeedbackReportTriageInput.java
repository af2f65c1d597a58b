package io.animo.feedback.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.feedback.domain.FeedbackStatus;

@Input("FeedbackReportTriageInput")
public record FeedbackReportTriageInput(@Id @NonNull String id, @NonNull FeedbackStatus status, @Id String duplicateOfId,
        String clientMutationId) {
}
