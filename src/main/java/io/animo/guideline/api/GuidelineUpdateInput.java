package io.animo.guideline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("GuidelineUpdateInput")
public record GuidelineUpdateInput(@Id @NonNull String id, @NonNull String title, @NonNull String body,
        @NonNull @Description("The revision you read; REVISION_CONFLICT when it changed meanwhile") int expectedRevision,
        String clientMutationId) {
}
