package io.animo.guideline.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

public record GuidelineResult(GuidelineView guideline, List<UserError> userErrors) {

    static GuidelineResult ok(GuidelineView guideline) {
        return new GuidelineResult(guideline, List.of());
    }

    public static GuidelineResult refused(String field, String code, String message) {
        return new GuidelineResult(null, List.of(UserError.of(field, code, message)));
    }

    static GuidelineResult refused(List<UserError> errors) {
        return new GuidelineResult(null, List.copyOf(errors));
    }
}
