package io.animo.sanction.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AppealFileInput")
public record AppealFileInput(@Id @NonNull String sanctionId, @NonNull String statement, String clientMutationId) {
}
