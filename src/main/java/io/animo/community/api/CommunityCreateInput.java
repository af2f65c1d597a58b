package io.animo.community.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.community.domain.CommunityDraft;
import io.animo.community.domain.CommunityVisibility;

@Input("CommunityCreateInput")
public record CommunityCreateInput(
        @NonNull String name,
        @NonNull String slug,
        String description,
        @NonNull CommunityVisibility visibility,
        @Description("Send the same value when retrying: the community is created once") String clientMutationId) {

    CommunityDraft draft() {
        return new CommunityDraft(name, slug, description, visibility);
    }
}
