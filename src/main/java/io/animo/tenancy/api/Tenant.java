package io.animo.tenancy.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.GlobalId;
import io.animo.tenancy.domain.TenantKind;
import io.animo.tenancy.domain.TenantRecord;
import io.animo.tenancy.domain.TenantStatus;

@Type("Tenant")
@Description("A customer of Animo. Its people live in a Keycloak realm of its own (kind REALM), or in an organization of"
        + " the shared organizations realm (kind ORGANIZATION).")
public record Tenant(@Id @NonNull String id, @NonNull TenantKind kind,
        @NonNull @Description("The realm its people sign in to (for an organization: the shared realm)") String realm,
        @Description("The organization's alias; null for a realm tenant") String organization, @NonNull String name,
        @NonNull TenantStatus status, @NonNull Instant createdAt, @NonNull TenantCostLimits costLimits) {

    public static final String TYPE = "Tenant";

    static Tenant of(TenantRecord t) {
        return t == null
                ? null
                : new Tenant(GlobalId.encode(TYPE, t.id()), t.kind(), t.realm(), t.organization(), t.name(), t.status(),
                        t.createdAt(),
                        TenantCostLimits.of(t.limits()));
    }
}
