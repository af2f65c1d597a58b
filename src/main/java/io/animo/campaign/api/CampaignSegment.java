package io.animo.campaign.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.Segment;
import io.animo.member.domain.CommunityRole;

@Type("CampaignSegment")
public record CampaignSegment(@NonNull List<@NonNull CommunityRole> roles, Instant joinedAfter, Instant joinedBefore,
        Integer activeWithinDays, @NonNull List<@NonNull String> tags) {

    static CampaignSegment of(Segment s) {
        return new CampaignSegment(s.roles(), s.joinedAfter(), s.joinedBefore(), s.activeWithinDays(), s.tags());
    }
}
