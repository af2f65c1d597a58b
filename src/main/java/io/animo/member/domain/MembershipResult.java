package io.animo.member.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

public record MembershipResult(MembershipView membership, List<UserError> userErrors) {

    public static MembershipResult ok(MembershipView membership) {
        return new MembershipResult(membership, List.of());
    }

    public static MembershipResult rejected(String field, String code, String message) {
        return new MembershipResult(null, List.of(UserError.of(field, code, message)));
    }
}
