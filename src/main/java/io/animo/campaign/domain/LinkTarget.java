package io.animo.campaign.domain;

import java.util.UUID;

/** What the public redirect needs of a tracked link: where it leads, whose it is, and its UTM values. */
public record LinkTarget(UUID tenantId, UUID linkId, UUID campaignId, UUID communityId, String targetUrl,
        String utmSource, String utmMedium, String utmCampaign, String utmContent) {
}
