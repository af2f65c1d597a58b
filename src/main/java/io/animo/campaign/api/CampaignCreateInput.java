package io.animo.campaign.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CampaignCreateInput")
public record CampaignCreateInput(@NonNull String name, @NonNull String objective, @NonNull Instant startsAt,
        @NonNull @Description("At most 366 days after startsAt") Instant endsAt,
        @Description("Days after a click in which a join, post or RSVP counts for the campaign: 1 to 90, default 7") Integer attributionDays,
        @NonNull @Description("1 to 20 communities the caller administers") @Id List<@NonNull String> communityIds,
        CampaignSegmentInput segment, String clientMutationId) {
}
