package io.animo.guideline.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.guideline.domain.GuidelineResult;
import io.animo.platform.graphql.UserError;

@Type("GuidelinePayload")
public record GuidelinePayload(Guideline guideline, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static GuidelinePayload of(GuidelineResult result, String clientMutationId) {
        return new GuidelinePayload(Guideline.of(result.guideline()), result.userErrors(), clientMutationId);
    }
}
