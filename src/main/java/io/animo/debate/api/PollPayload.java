package io.animo.debate.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.debate.domain.PollResult;
import io.animo.platform.graphql.UserError;

@Type("PollPayload")
public record PollPayload(Poll poll, @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static PollPayload of(PollResult result, String clientMutationId) {
        return new PollPayload(Poll.of(result.poll(), Instant.now()), result.userErrors(), clientMutationId);
    }
}
