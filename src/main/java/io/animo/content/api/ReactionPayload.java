package io.animo.content.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.ReactionResult;
import io.animo.platform.graphql.UserError;

@Type("ReactionPayload")
public record ReactionPayload(Message message,
        @NonNull @Description("The message's reactions after the change") List<@NonNull ReactionCount> reactions,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static ReactionPayload of(ReactionResult result, String clientMutationId) {
        return new ReactionPayload(Message.of(result.message()), result.reactions().stream().map(ReactionCount::of).toList(),
                result.userErrors(), clientMutationId);
    }
}
