package io.animo.debate.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** The poll after a vote, or what the caller must fix first (nothing was written). */
public record PollResult(PollView poll, List<UserError> userErrors) {

    static PollResult refused(String field, String code, String message) {
        return new PollResult(null, List.of(UserError.of(field, code, message)));
    }
}
