package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Actor")
@Description("Who did something: the Keycloak subject and the name they had then.")
public record Actor(@NonNull String subject, @NonNull String displayName) {
}
