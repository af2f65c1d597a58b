package io.animo.guideline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("GuidelinesAcknowledgeInput")
public record GuidelinesAcknowledgeInput(@Id @NonNull String communityId,
        @NonNull @Description("The revision you read; STALE_REVISION when the guidelines changed since") int revision,
        String clientMutationId) {
}
