package io.animo.campaign.domain;

import java.time.Instant;
import java.util.List;

import io.animo.member.domain.CommunityRole;

/**
 * The members of the target communities a campaign speaks to: every filter left out matches everyone; {@code tags}
 * matches members with at least one of them; {@code activeWithinDays} those who did something themselves lately.
 */
public record Segment(List<CommunityRole> roles, Instant joinedAfter, Instant joinedBefore, Integer activeWithinDays,
        List<String> tags) {

    public static final Segment EVERYONE = new Segment(List.of(), null, null, null, List.of());
}
