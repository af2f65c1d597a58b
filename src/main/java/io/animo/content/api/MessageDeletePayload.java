package io.animo.content.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.PostResult;
import io.animo.platform.graphql.UserError;

@Type("MessageDeletePayload")
public record MessageDeletePayload(@Description("The message as it now shows: DELETED, with an empty body") Message message,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static MessageDeletePayload of(PostResult result, String clientMutationId) {
        return new MessageDeletePayload(Message.of(result.message()), result.userErrors(), clientMutationId);
    }
}
