package io.animo.guideline.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.guideline.domain.GuidelineResult;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.UserError;

@Type("GuidelineDeletePayload")
public record GuidelineDeletePayload(@Id String deletedGuidelineId, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static GuidelineDeletePayload of(GuidelineResult result, String clientMutationId) {
        return new GuidelineDeletePayload(
                result.guideline() == null ? null : GlobalId.encode(Guideline.TYPE, result.guideline().guideline().id),
                result.userErrors(), clientMutationId);
    }
}
