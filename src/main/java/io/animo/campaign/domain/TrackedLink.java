package io.animo.campaign.domain;

import java.time.Instant;
import java.util.UUID;

public record TrackedLink(UUID id, UUID campaignId, String code, String channel, String targetUrl, UUID communityId,
        String utmSource, String utmMedium, String utmCampaign, String utmContent, long clicks, Instant createdAt) {
}
