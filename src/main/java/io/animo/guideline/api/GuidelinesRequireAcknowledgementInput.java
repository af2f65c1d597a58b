package io.animo.guideline.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("GuidelinesRequireAcknowledgementInput")
public record GuidelinesRequireAcknowledgementInput(@Id @NonNull String communityId, @NonNull boolean required,
        String clientMutationId) {
}
