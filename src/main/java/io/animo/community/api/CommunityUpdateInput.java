package io.animo.community.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.community.domain.CommunityDraft;
import io.animo.community.domain.CommunityVisibility;

@Input("CommunityUpdateInput")
@Description("Fields left out stay as they are.")
public record CommunityUpdateInput(
        @Id @NonNull String id,
        @NonNull @Description("The version you read; a newer version on the server is the userError STALE_VERSION") long version,
        String name,
        String slug,
        String description,
        CommunityVisibility visibility,
        String clientMutationId) {

    CommunityDraft changes() {
        return new CommunityDraft(name, slug, description, visibility);
    }
}
