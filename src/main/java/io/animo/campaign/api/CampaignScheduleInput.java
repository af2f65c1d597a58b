package io.animo.campaign.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CampaignScheduleInput")
public record CampaignScheduleInput(@Id @NonNull String id, String clientMutationId) {
}
