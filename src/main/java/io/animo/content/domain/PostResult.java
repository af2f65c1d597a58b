package io.animo.content.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;
import io.animo.rule.domain.ModerationOutcome;

/**
 * What happened to a post: stored and visible, held for a moderator, or rejected (not stored) with
 * the names of the rules a member can see; or what the caller must fix first.
 */
public record PostResult(ThreadEntity thread, MessageEntity message, ModerationOutcome outcome, List<String> reasons,
        List<UserError> userErrors) {

    static PostResult refused(String field, String code, String message) {
        return new PostResult(null, null, null, List.of(), List.of(UserError.of(field, code, message)));
    }

    public static PostResult refusedNotFound(String field) {
        return refused(field, "NOT_FOUND", "Nothing you can see has this id.");
    }

    static PostResult refused(List<UserError> errors) {
        return new PostResult(null, null, null, List.of(), List.copyOf(errors));
    }
}
