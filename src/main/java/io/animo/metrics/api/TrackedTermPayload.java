package io.animo.metrics.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.TrackedTermService;
import io.animo.platform.graphql.UserError;

@Type("TrackedTermPayload")
public record TrackedTermPayload(TrackedTermView trackedTerm, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static TrackedTermPayload of(TrackedTermService.Result result, String clientMutationId) {
        return new TrackedTermPayload(TrackedTermView.of(result.term()), result.userErrors(), clientMutationId);
    }
}
