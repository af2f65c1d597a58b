package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("OrganizationPersonAddInput")
public record OrganizationPersonAddInput(
        @NonNull @Description("Unique in the whole organizations realm (shared by every organization)") String username,
        @NonNull String email, @NonNull String firstName, @NonNull String lastName,
        @NonNull @Description("One or more of tenant-admin, community-manager, moderator, analyst, member") List<@NonNull String> roles,
        @Description("12+ characters. Left out: a temporary password is generated, returned once, and must be changed at first login") String password,
        String clientMutationId) {
}
