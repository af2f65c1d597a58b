package io.animo.campaign.domain;

/** A figure during the campaign against the same figure over the baseline: (campaign − baseline) / baseline. */
public record Lift(String metric, Double campaign, Double baseline) {

    /** Null when the baseline is zero or unknown: no ratio to give. */
    public Double ratio() {
        return campaign == null || baseline == null || baseline == 0 ? null : (campaign - baseline) / baseline;
    }
}
