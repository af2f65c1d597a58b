package io.animo.campaign.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.Campaign;
import io.animo.campaign.domain.CampaignStatus;
import io.animo.platform.graphql.GlobalId;

@Type("Campaign")
@Description("A communication campaign: an objective over a window, aimed at communities and a segment of their members.")
public record CampaignView(@Id @NonNull String id, @NonNull String name, @NonNull String objective,
        @NonNull Instant startsAt, @NonNull Instant endsAt, @NonNull CampaignStatus status,
        @Description("When staff ended it early") Instant endedAt, @NonNull int attributionDays,
        @NonNull @Id List<@NonNull String> communityIds, @NonNull CampaignSegment segment, @NonNull Instant createdAt) {

    static final String TYPE = "Campaign";

    static CampaignView of(Campaign c) {
        return c == null
                ? null
                : new CampaignView(GlobalId.encode(TYPE, c.id()), c.name(), c.objective(), c.startsAt(), c.endsAt(),
                        c.status(Instant.now()), c.endedAt(), c.attributionDays(),
                        c.communityIds().stream().map(id -> GlobalId.encode("Community", id)).toList(),
                        CampaignSegment.of(c.segment()), c.createdAt());
    }
}
