package io.animo.metrics.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TrackedTermAddInput")
public record TrackedTermAddInput(@NonNull @Description("2 to 100 characters, e.g. a product name") String term,
        String clientMutationId) {
}
