package io.animo.content.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MessagePostInput")
public record MessagePostInput(@Id @NonNull String threadId, @Id String parentId, @NonNull String body,
        String clientMutationId,
        @Id @Description("In a debate thread: the side this message takes (optional)") String sideId) {
}
