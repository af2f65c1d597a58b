package io.animo.tenancy.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.GlobalId;
import io.animo.tenancy.domain.TenantRecord;
import io.animo.tenancy.domain.TenantStatus;

@Type("Tenant")
@Description("A customer of Animo. Its people live in the Keycloak realm of the same name.")
public record Tenant(@Id @NonNull String id, @NonNull String realm, @NonNull String name, @NonNull TenantStatus status,
        @NonNull Instant createdAt, @NonNull TenantCostLimits costLimits) {

    public static final String TYPE = "Tenant";

    static Tenant of(TenantRecord t) {
        return t == null
                ? null
                : new Tenant(GlobalId.encode(TYPE, t.id()), t.realm(), t.name(), t.status(), t.createdAt(),
                        TenantCostLimits.of(t.limits()));
    }
}
