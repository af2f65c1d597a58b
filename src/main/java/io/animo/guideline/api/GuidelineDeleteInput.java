package io.animo.guideline.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("GuidelineDeleteInput")
public record GuidelineDeleteInput(@Id @NonNull String id, String clientMutationId) {
}
