package io.animo.tenancy.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** Outcome of a tenant mutation. {@code temporaryPassword} is set once, when the service generated it. */
public record TenantResult(TenantRecord tenant, String temporaryPassword, List<UserError> userErrors) {

    static TenantResult ok(TenantRecord tenant, String temporaryPassword) {
        return new TenantResult(tenant, temporaryPassword, List.of());
    }

    static TenantResult rejected(List<UserError> errors) {
        return new TenantResult(null, null, List.copyOf(errors));
    }
}
