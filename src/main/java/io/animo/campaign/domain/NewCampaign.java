package io.animo.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record NewCampaign(String name, String objective, Instant startsAt, Instant endsAt, Integer attributionDays,
        List<UUID> communityIds, Segment segment) {
}
