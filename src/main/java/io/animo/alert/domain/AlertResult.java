package io.animo.alert.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** Outcome of an alert mutation: the alert, or what the caller must fix. */
public record AlertResult(AlertEntity alert, List<UserError> userErrors) {

    static AlertResult ok(AlertEntity alert) {
        return new AlertResult(alert, List.of());
    }

    static AlertResult refused(String field, String code, String message) {
        return new AlertResult(null, List.of(UserError.of(field, code, message)));
    }
}
