package io.animo.campaign.domain;

import java.util.UUID;

/** A tracked link to make: left-out UTM values default to the channel (source), "animo" (medium) and the campaign. */
public record NewLink(String channel, String targetUrl, UUID communityId, String utmSource, String utmMedium,
        String utmContent) {
}
