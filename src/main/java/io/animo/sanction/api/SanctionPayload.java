package io.animo.sanction.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.sanction.domain.SanctionResult;

@Type("SanctionPayload")
public record SanctionPayload(Sanction sanction, @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static SanctionPayload of(SanctionResult result, String clientMutationId) {
        return new SanctionPayload(Sanction.of(result.sanction()), result.userErrors(), clientMutationId);
    }
}
