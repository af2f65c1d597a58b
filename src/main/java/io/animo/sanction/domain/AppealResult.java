package io.animo.sanction.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

public record AppealResult(AppealEntity appeal, List<UserError> userErrors) {

    static AppealResult ok(AppealEntity appeal) {
        return new AppealResult(appeal, List.of());
    }

    public static AppealResult refused(String field, String code, String message) {
        return new AppealResult(null, List.of(UserError.of(field, code, message)));
    }
}
