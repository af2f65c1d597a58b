package io.animo.sanction.domain;

import java.util.List;

import io.animo.member.domain.MembershipEntity;
import io.animo.platform.graphql.UserError;

/** The membership a sanction would apply to, or why the caller may not sanction it. */
public record SanctionTarget(MembershipEntity membership, List<UserError> userErrors) {

    public boolean allowed() {
        return userErrors.isEmpty();
    }
}
