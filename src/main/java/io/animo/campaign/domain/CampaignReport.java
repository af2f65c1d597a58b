package io.animo.campaign.domain;

import java.time.Instant;
import java.util.List;

/**
 * How a campaign did: its reach (the segment's size), clicks, the clickers who converted within the attribution
 * window (joined a target community, posted there, answered an event there), and engagement in the target
 * communities over [from, to) against a baseline of equal length just before it.
 */
public record CampaignReport(Instant from, Instant to, Instant baselineFrom, long reach, long clicks,
        long identifiedClickers, long joined, long posted, long rsvped, PeriodFigures campaign, PeriodFigures baseline) {

    public List<Lift> lifts() {
        return List.of(new Lift("MESSAGES", (double) campaign.messages(), (double) baseline.messages()),
                new Lift("ACTIVE_MEMBERS", (double) campaign.activeMembers(), (double) baseline.activeMembers()),
                new Lift("JOINS", (double) campaign.joins(), (double) baseline.joins()),
                new Lift("POSITIVE_SHARE", campaign.positiveShare(), baseline.positiveShare()));
    }
}
