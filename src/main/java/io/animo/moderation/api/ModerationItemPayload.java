package io.animo.moderation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.moderation.domain.ItemResult;
import io.animo.platform.graphql.UserError;

@Type("ModerationItemPayload")
public record ModerationItemPayload(ModerationItem item, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static ModerationItemPayload of(ItemResult result, String clientMutationId) {
        return new ModerationItemPayload(ModerationItem.of(result), result.userErrors(), clientMutationId);
    }
}
