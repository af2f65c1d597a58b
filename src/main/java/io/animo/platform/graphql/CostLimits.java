package io.animo.platform.graphql;

/**
 * The budgets of one tenant, in query-cost points: a bucket for the whole tenant and one for each of its
 * callers, each holding at most {@code capacity} points and filling at {@code refillPerSecond}.
 */
public record CostLimits(int tenantCapacity, int tenantRefillPerSecond, int callerCapacity, int callerRefillPerSecond) {

    /** These limits with the values of {@code override} that are set (null: keep this one's). */
    public CostLimits with(Integer tenantCapacity, Integer tenantRefill, Integer callerCapacity, Integer callerRefill) {
        return new CostLimits(tenantCapacity != null ? tenantCapacity : this.tenantCapacity,
                tenantRefill != null ? tenantRefill : this.tenantRefillPerSecond,
                callerCapacity != null ? callerCapacity : this.callerCapacity,
                callerRefill != null ? callerRefill : this.callerRefillPerSecond);
    }
}
