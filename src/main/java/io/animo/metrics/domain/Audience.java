package io.animo.metrics.domain;

/**
 * Who was active around a day: distinct active members that day (DAU), in the 7 days (WAU) and the 30 days (MAU)
 * ending with it; and of the 30 days, the members active for the first time (new), active before too (returning),
 * and active in the 30 days before but not in these (churned).
 */
public record Audience(long daily, long weekly, long monthly, long newMembers, long returningMembers,
        long churnedMembers) {

    /** DAU / MAU: the share of the month's members who come on a given day; null without members. */
    public Double stickiness() {
        return monthly == 0 ? null : (double) daily / monthly;
    }
}
