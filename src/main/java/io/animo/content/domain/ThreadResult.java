package io.animo.content.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** A thread after a moderator's change, or what the caller must fix first. */
public record ThreadResult(ThreadEntity thread, List<UserError> userErrors) {

    static ThreadResult ok(ThreadEntity thread) {
        return new ThreadResult(thread, List.of());
    }

    static ThreadResult refused(String field, String code, String message) {
        return new ThreadResult(null, List.of(UserError.of(field, code, message)));
    }
}
