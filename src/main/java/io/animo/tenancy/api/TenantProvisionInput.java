package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.tenancy.domain.TenantDraft;

@Input("TenantProvisionInput")
public record TenantProvisionInput(
        @NonNull @Description("Realm name: 3-40 lower-case letters, digits or hyphens; also the tenant's handle") String realm,
        @NonNull String name,
        @NonNull String adminEmail,
        @Description("Defaults to the e-mail address") String adminUsername,
        @NonNull String adminFirstName,
        @NonNull String adminLastName,
        @Description("12+ characters. Left out: a temporary password is generated, returned once, and must be changed at first login") String adminPassword,
        String clientMutationId) {

    TenantDraft draft() {
        return new TenantDraft(realm, name, adminUsername, adminEmail, adminFirstName, adminLastName, adminPassword);
    }
}
