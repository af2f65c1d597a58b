package io.animo.content.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** A message's reactions after a member reacted (or took a reaction back), or what the caller must fix first. */
public record ReactionResult(MessageEntity message, List<ReactionTally> reactions, List<UserError> userErrors) {

    static ReactionResult refused(String field, String code, String message) {
        return new ReactionResult(null, List.of(), List.of(UserError.of(field, code, message)));
    }

    static ReactionResult refused(List<UserError> errors) {
        return new ReactionResult(null, List.of(), errors);
    }
}
