package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.tenancy.domain.TenantResult;

@Type("TenantStatusPayload")
public record TenantStatusPayload(Tenant tenant, @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static TenantStatusPayload of(TenantResult result, String clientMutationId) {
        return new TenantStatusPayload(Tenant.of(result.tenant()), result.userErrors(), clientMutationId);
    }
}
