package io.animo.community.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityResult;
import io.animo.platform.graphql.UserError;

@Type("CommunityArchivePayload")
public record CommunityArchivePayload(Community community, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static CommunityArchivePayload of(CommunityResult result, String clientMutationId) {
        return new CommunityArchivePayload(Community.of(result.community()), result.userErrors(), clientMutationId);
    }
}
