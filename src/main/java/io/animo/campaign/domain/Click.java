package io.animo.campaign.domain;

import java.time.Instant;
import java.util.UUID;

/** A click on a tracked link, with the UTM parameters it arrived with; who made it is unknown until claimed. */
public record Click(UUID id, LinkTarget link, Instant at, String utmSource, String utmMedium, String utmCampaign,
        String utmTerm, String utmContent) {
}
