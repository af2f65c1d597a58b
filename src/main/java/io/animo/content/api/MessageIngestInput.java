package io.animo.content.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MessageIngestInput")
public record MessageIngestInput(@Id @NonNull String threadId, @Id String parentId,
        @NonNull @Description("Stable id of the author in the source, e.g. forum.example.com:jdoe") String externalHandle,
        @NonNull String displayName, @NonNull String body, String clientMutationId) {
}
