package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("OrganizationPersonRolesSetInput")
public record OrganizationPersonRolesSetInput(@NonNull String username,
        @NonNull @Description("The person's roles in this organization from now on (they replace the others)") List<@NonNull String> roles,
        String clientMutationId) {
}
