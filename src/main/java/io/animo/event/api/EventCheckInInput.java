package io.animo.event.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("EventCheckInInput")
public record EventCheckInInput(@Id @NonNull String id, @Id @NonNull String memberId, String clientMutationId) {
}
