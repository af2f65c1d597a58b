package io.animo.content.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.PostResult;
import io.animo.platform.graphql.UserError;
import io.animo.rule.domain.ModerationOutcome;

@Type("PostPayload")
public record PostPayload(
        @Description("PUBLISHED, FLAGGED (visible, queued for review), HELD (visible after approval) or REJECTED (not stored)") ModerationOutcome outcome,
        @NonNull @Description("Names of the community rules that decided the outcome") List<@NonNull String> reasons,
        Thread thread,
        Message message,
        @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    public static PostPayload of(PostResult result, String clientMutationId) {
        return new PostPayload(result.outcome(), result.reasons(), Thread.of(result.thread()), Message.of(result.message()),
                result.userErrors(), clientMutationId);
    }
}
