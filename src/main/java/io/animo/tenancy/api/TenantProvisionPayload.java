package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.tenancy.domain.TenantResult;

@Type("TenantProvisionPayload")
public record TenantProvisionPayload(Tenant tenant,
        @Description("Set only when the service generated the first admin's password; shown once") String adminTemporaryPassword,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static TenantProvisionPayload of(TenantResult result, String clientMutationId) {
        return new TenantProvisionPayload(Tenant.of(result.tenant()), result.temporaryPassword(), result.userErrors(),
                clientMutationId);
    }
}
