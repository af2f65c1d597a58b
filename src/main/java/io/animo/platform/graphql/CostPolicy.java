package io.animo.platform.graphql;

import java.util.Optional;

/**
 * Where a tenant's own budgets come from (an operator may set them per tenant); implemented by the
 * tenancy feature, so this layer depends on no feature. Answers from memory: it is asked on every request.
 */
public interface CostPolicy {

    /** The limits an operator set for the tenant of {@code realm}, where they differ from the defaults. */
    Optional<CostLimits> limitsOf(String realm, CostLimits defaults);
}
