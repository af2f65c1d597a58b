package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

import io.animo.tenancy.domain.TenantLimits;

@Type("TenantCostLimits")
@Description("Query-cost budgets an operator set for the tenant, in points; null: the service's default (README,"
        + " Security and limits).")
public record TenantCostLimits(Integer tenantCapacity, Integer tenantRefillPerSecond, Integer callerCapacity,
        Integer callerRefillPerSecond) {

    static TenantCostLimits of(TenantLimits limits) {
        return new TenantCostLimits(limits.tenantCapacity(), limits.tenantRefillPerSecond(), limits.callerCapacity(),
                limits.callerRefillPerSecond());
    }
}
