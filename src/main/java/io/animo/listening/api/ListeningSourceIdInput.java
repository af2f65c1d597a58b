package io.animo.listening.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ListeningSourceIdInput")
public record ListeningSourceIdInput(@Id @NonNull String id, String clientMutationId) {
}
