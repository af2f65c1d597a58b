package io.animo.guideline.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("GuidelinesReorderInput")
public record GuidelinesReorderInput(@Id @NonNull String communityId,
        @NonNull @Id @Description("Every guideline of the community, once, in the new order") List<@NonNull String> guidelineIds,
        String clientMutationId) {
}
