package io.animo.community.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityResult;
import io.animo.platform.graphql.UserError;

@Type("CommunityModesSetPayload")
public record CommunityModesSetPayload(Community community, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static CommunityModesSetPayload of(CommunityResult result, String clientMutationId) {
        return new CommunityModesSetPayload(Community.of(result.community()), result.userErrors(), clientMutationId);
    }
}
