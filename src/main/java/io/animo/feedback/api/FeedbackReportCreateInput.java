package io.animo.feedback.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.feedback.domain.FeedbackKind;
import io.animo.rule.domain.RuleSeverity;

@Input("FeedbackReportCreateInput")
public record FeedbackReportCreateInput(@Id @NonNull String communityId, @NonNull FeedbackKind kind, @NonNull String title,
        @NonNull String body, @Id String messageId, RuleSeverity severity, String clientMutationId) {
}
