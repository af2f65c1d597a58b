package io.animo.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.animo.platform.graphql.UserError;

/** The outcome of claiming a click: the click, now the caller's, or why not. */
public record ClickClaim(UUID clickId, UUID campaignId, Instant clickedAt, List<UserError> userErrors) {

    public static ClickClaim unknown() {
        return refused("NOT_FOUND", "No click of this tenant has this id.");
    }

    static ClickClaim refused(String code, String message) {
        return new ClickClaim(null, null, null, List.of(UserError.of("input.clickId", code, message)));
    }
}
