package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.tenancy.domain.TenantDraft;
import io.animo.tenancy.domain.TenantKind;

@Input("TenantProvisionInput")
public record TenantProvisionInput(
        @DefaultValue("REALM") @Description("REALM: a realm of its own (enterprise tenants: their own SSO and policies); "
                + "ORGANIZATION: an organization of the shared organizations realm (self-service tenants)") TenantKind kind,
        @Description("Kind REALM: the realm name, 3-40 lower-case letters, digits or hyphens; also the tenant's handle") String realm,
        @Description("Kind ORGANIZATION: the organization's alias, 3-40 lower-case letters, digits or hyphens; also the tenant's handle") String organization,
        @NonNull String name,
        @NonNull String adminEmail,
        @Description("Defaults to the e-mail address") String adminUsername,
        @NonNull String adminFirstName,
        @NonNull String adminLastName,
        @Description("12+ characters. Left out: a temporary password is generated, returned once, and must be changed at first login") String adminPassword,
        String clientMutationId) {

    TenantDraft draft() {
        return new TenantDraft(kind == null ? TenantKind.REALM : kind, realm, organization, name, adminUsername, adminEmail,
                adminFirstName, adminLastName, adminPassword);
    }
}
