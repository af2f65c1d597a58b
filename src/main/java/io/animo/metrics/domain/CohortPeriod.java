package io.animo.metrics.domain;

/** The width of retention cohorts. Weeks start on Monday (ISO). */
public enum CohortPeriod {
    WEEK, MONTH;

    String sqlUnit() {
        return this == WEEK ? "week" : "month";
    }
}
