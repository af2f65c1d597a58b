package io.animo.guideline.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

public record GuidelinesResult(GuidelinesView guidelines, List<UserError> userErrors) {

    static GuidelinesResult ok(GuidelinesView guidelines) {
        return new GuidelinesResult(guidelines, List.of());
    }

    static GuidelinesResult refused(List<UserError> errors) {
        return new GuidelinesResult(null, List.copyOf(errors));
    }

    public static GuidelinesResult refused(String field, String code, String message) {
        return new GuidelinesResult(null, List.of(UserError.of(field, code, message)));
    }
}
