package io.animo.community.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityResult;
import io.animo.platform.graphql.UserError;

@Type("CommunityUpdatePayload")
public record CommunityUpdatePayload(Community community, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static CommunityUpdatePayload of(CommunityResult result, String clientMutationId) {
        return new CommunityUpdatePayload(Community.of(result.community()), result.userErrors(), clientMutationId);
    }
}
