package io.animo.guideline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("GuidelineCreateInput")
public record GuidelineCreateInput(@Id @NonNull String communityId, @NonNull String title, @NonNull String body,
        @Description("1-based; null or past the end appends") Integer position, String clientMutationId) {
}
