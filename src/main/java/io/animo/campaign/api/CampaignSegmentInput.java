package io.animo.campaign.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import io.animo.campaign.domain.Segment;
import io.animo.member.domain.CommunityRole;

@Input("CampaignSegmentInput")
@Description("Which members of the target communities the campaign speaks to; a filter left out matches everyone.")
public record CampaignSegmentInput(@Description("Their role in the community") List<CommunityRole> roles,
        Instant joinedAfter, Instant joinedBefore,
        @Description("Did something themselves in the last 1 to 365 days") Integer activeWithinDays,
        @Description("Carry at least one of these member tags (up to 20)") List<String> tags) {

    Segment toSegment() {
        return new Segment(roles == null ? List.of() : roles.stream().filter(java.util.Objects::nonNull).toList(), joinedAfter,
                joinedBefore, activeWithinDays,
                tags == null ? List.of() : tags);
    }
}
