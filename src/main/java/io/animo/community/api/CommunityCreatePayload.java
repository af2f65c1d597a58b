package io.animo.community.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityResult;
import io.animo.platform.graphql.UserError;

@Type("CommunityCreatePayload")
public record CommunityCreatePayload(Community community, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static CommunityCreatePayload of(CommunityResult result, String clientMutationId) {
        return new CommunityCreatePayload(Community.of(result.community()), result.userErrors(), clientMutationId);
    }
}
