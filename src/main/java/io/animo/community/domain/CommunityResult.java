package io.animo.community.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** Outcome of a community mutation: the community, or what the caller must fix. */
public record CommunityResult(CommunityEntity community, List<UserError> userErrors) {

    static CommunityResult ok(CommunityEntity community) {
        return new CommunityResult(community, List.of());
    }

    static CommunityResult rejected(List<UserError> errors) {
        return new CommunityResult(null, List.copyOf(errors));
    }

    static CommunityResult rejected(UserError error) {
        return rejected(List.of(error));
    }
}
