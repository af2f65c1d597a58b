package io.animo.campaign.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CampaignClickClaimInput")
public record CampaignClickClaimInput(
        @Id @NonNull @Description("The animo_click parameter the redirect added to the landing address") String clickId,
        String clientMutationId) {
}
