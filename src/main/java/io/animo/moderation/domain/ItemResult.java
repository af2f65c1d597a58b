package io.animo.moderation.domain;

import java.util.List;

import io.animo.content.domain.MessageEntity;
import io.animo.platform.graphql.UserError;

public record ItemResult(ModerationItemEntity item, MessageEntity message, List<UserError> userErrors) {

    static ItemResult ok(ModerationItemEntity item, MessageEntity message) {
        return new ItemResult(item, message, List.of());
    }

    public static ItemResult refused(String field, String code, String text) {
        return new ItemResult(null, null, List.of(UserError.of(field, code, text)));
    }
}
