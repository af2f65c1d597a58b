package io.animo.sanction.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

public record SanctionResult(SanctionView sanction, List<UserError> userErrors) {

    static SanctionResult ok(SanctionEntity sanction, AppealEntity appeal) {
        return new SanctionResult(new SanctionView(sanction, appeal), List.of());
    }

    public static SanctionResult refused(List<UserError> errors) {
        return new SanctionResult(null, errors);
    }

    public static SanctionResult refused(String field, String code, String message) {
        return refused(List.of(UserError.of(field, code, message)));
    }
}
