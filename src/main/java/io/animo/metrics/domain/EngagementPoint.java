package io.animo.metrics.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The figures of one bucket of a series: each metric's count, distinct active members, median first reply. */
public record EngagementPoint(Instant start, Map<Metric, Long> counts, long activeMembers, Double medianFirstReplySeconds) {

    public long count(Metric metric) {
        return counts.getOrDefault(metric, 0L);
    }

    static EngagementPoint empty(Instant start) {
        return new EngagementPoint(start, new EnumMap<>(Metric.class), 0, null);
    }
}
