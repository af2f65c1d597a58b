package io.animo.campaign.domain;

/** DRAFT until staff schedule it; then SCHEDULED, RUNNING and ENDED follow from its window (or staff end it early). */
public enum CampaignStatus {
    DRAFT, SCHEDULED, RUNNING, ENDED
}
