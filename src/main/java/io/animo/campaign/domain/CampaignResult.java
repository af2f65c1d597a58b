package io.animo.campaign.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** The outcome of a change to a campaign: the campaign and, for a link, the link; or why not. */
public record CampaignResult(Campaign campaign, TrackedLink link, List<UserError> userErrors) {

    static CampaignResult ok(Campaign campaign, TrackedLink link) {
        return new CampaignResult(campaign, link, List.of());
    }

    public static CampaignResult refused(String field, String code, String message) {
        return new CampaignResult(null, null, List.of(UserError.of(field, code, message)));
    }

    static CampaignResult refused(UserError error) {
        return new CampaignResult(null, null, List.of(error));
    }
}
