package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Viewer")
@Description("Who is calling, as the verified token says.")
public record Viewer(
        @NonNull String subject,
        @NonNull String username,
        String email,
        String displayName,
        @Description("The caller's tenant; null for platform operators") Tenant tenant,
        @NonNull @Description("Roles in the tenant, e.g. tenant-admin, community-manager: realm roles, or an organization's role groups") List<@NonNull String> roles,
        @NonNull boolean platformOperator) {
}
