package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TenantLimitsSetInput")
@Description("The tenant's query-cost budgets; each value left out (or null) goes back to the service's default.")
public record TenantLimitsSetInput(@Id @NonNull String tenantId, Integer tenantCapacity, Integer tenantRefillPerSecond,
        Integer callerCapacity, Integer callerRefillPerSecond, String clientMutationId) {
}
