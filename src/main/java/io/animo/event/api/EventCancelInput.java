package io.animo.event.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EventCancelInput")
public record EventCancelInput(@Id @NonNull String id, String clientMutationId) {
}
