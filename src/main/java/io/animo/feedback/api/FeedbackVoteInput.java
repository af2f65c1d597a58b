package io.animo.feedback.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("FeedbackVoteInput")
public record FeedbackVoteInput(@Id @NonNull String id, String clientMutationId) {
}
