package io.animo.campaign.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.ClickClaim;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.UserError;

@Type("CampaignClickClaimPayload")
public record CampaignClickClaimPayload(@Id String clickId, @Id String campaignId, Instant clickedAt,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static CampaignClickClaimPayload of(ClickClaim claim, String clientMutationId) {
        return new CampaignClickClaimPayload(claim.clickId() == null
                ? null
                : GlobalId.encode(CampaignRedirectRoute.CLICK,
                        claim.clickId()),
                claim.campaignId() == null
                        ? null
                        : GlobalId.encode(CampaignView.TYPE,
                                claim.campaignId()),
                claim.clickedAt(), claim.userErrors(), clientMutationId);
    }
}
