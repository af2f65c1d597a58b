package io.animo.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign as stored: its effective status and reporting window follow from the clock. */
public record Campaign(UUID id, String name, String objective, Instant startsAt, Instant endsAt, String storedStatus,
        Instant endedAt, int attributionDays, Segment segment, List<UUID> communityIds, Instant createdAt) {

    public CampaignStatus status(Instant now) {
        return switch (storedStatus) {
            case "DRAFT" -> CampaignStatus.DRAFT;
            case "ENDED" -> CampaignStatus.ENDED;
            default -> now.isBefore(startsAt)
                    ? CampaignStatus.SCHEDULED
                    : now.isBefore(endsAt) ? CampaignStatus.RUNNING : CampaignStatus.ENDED;
        };
    }

    /** Where its figures stop: now, its planned end, or when staff ended it, whichever comes first. */
    public Instant reportEnd(Instant now) {
        Instant end = endsAt.isBefore(now) ? endsAt : now;
        if (endedAt != null && endedAt.isBefore(end)) {
            end = endedAt;
        }
        return end.isBefore(startsAt) ? startsAt : end;
    }
}
