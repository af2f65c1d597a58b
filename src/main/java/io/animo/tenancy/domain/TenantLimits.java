package io.animo.tenancy.domain;

import java.util.ArrayList;
import java.util.List;

import io.animo.platform.graphql.UserError;

/** The query-cost budgets an operator set for one tenant; null: the service's default. */
public record TenantLimits(Integer tenantCapacity, Integer tenantRefillPerSecond, Integer callerCapacity,
        Integer callerRefillPerSecond) {

    static final int MAX = 10_000_000;

    boolean any() {
        return tenantCapacity != null || tenantRefillPerSecond != null || callerCapacity != null
                || callerRefillPerSecond != null;
    }

    List<UserError> validate(int maxOperationCost) {
        List<UserError> errors = new ArrayList<>();
        check(errors, "input.tenantCapacity", tenantCapacity, maxOperationCost);
        check(errors, "input.tenantRefillPerSecond", tenantRefillPerSecond, 1);
        check(errors, "input.callerCapacity", callerCapacity, maxOperationCost);
        check(errors, "input.callerRefillPerSecond", callerRefillPerSecond, 1);
        return errors;
    }

    // a capacity below the most an operation may cost would refuse that operation for ever
    private static void check(List<UserError> errors, String field, Integer value, int min) {
        if (value != null && (value < min || value > MAX)) {
            errors.add(UserError.of(field, "OUT_OF_RANGE", "Between " + min + " and " + MAX + ", or null for the default."));
        }
    }
}
