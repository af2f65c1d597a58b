package io.animo.guideline.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.guideline.domain.GuidelinesResult;
import io.animo.platform.graphql.UserError;

@Type("CommunityGuidelinesPayload")
public record CommunityGuidelinesPayload(CommunityGuidelines guidelines, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static CommunityGuidelinesPayload of(GuidelinesResult result, String clientMutationId) {
        return new CommunityGuidelinesPayload(CommunityGuidelines.of(result.guidelines()), result.userErrors(),
                clientMutationId);
    }
}
