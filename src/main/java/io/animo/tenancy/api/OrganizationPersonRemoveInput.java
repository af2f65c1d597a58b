package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("OrganizationPersonRemoveInput")
public record OrganizationPersonRemoveInput(@NonNull String username, String clientMutationId) {
}
