package io.animo.alert.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AlertActionInput")
public record AlertActionInput(@Id @NonNull String id, String clientMutationId) {
}
