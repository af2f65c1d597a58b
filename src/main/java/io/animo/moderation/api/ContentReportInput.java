package io.animo.moderation.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ContentReportInput")
public record ContentReportInput(@Id @NonNull String messageId, @NonNull String reason, String clientMutationId) {
}
