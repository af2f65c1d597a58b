package io.animo.campaign.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.CampaignResult;
import io.animo.platform.graphql.UserError;

@Type("CampaignPayload")
public record CampaignPayload(CampaignView campaign, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static CampaignPayload of(CampaignResult result, String clientMutationId) {
        return new CampaignPayload(CampaignView.of(result.campaign()), result.userErrors(), clientMutationId);
    }
}
