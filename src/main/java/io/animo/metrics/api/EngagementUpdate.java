package io.animo.metrics.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.EngagementSnapshot;
import io.animo.metrics.domain.Metric;
import io.animo.platform.graphql.GlobalId;

@Type("EngagementUpdate")
@Description("A live snapshot of a scope's figures over its last windowMinutes minutes (the current one included).")
public record EngagementUpdate(
        @Id @Description("The community; null for the whole tenant") String communityId,
        @NonNull int windowMinutes,
        @NonNull Instant at,
        @NonNull @Description("The metrics asked for, in the order of the Metric enum") List<@NonNull MetricValue> values,
        @NonNull @Description("Distinct members who did something themselves in the window") long activeMembers,
        @NonNull SentimentSplit sentiment,
        @NonNull @Description("Give it back to engagementUpdated when you subscribe again: you get the current snapshot at"
                + " once only if something changed since this one") String resumeToken) {

    static EngagementUpdate of(EngagementSnapshot snapshot, List<Metric> metrics) {
        List<Metric> asked = metrics == null || metrics.isEmpty() ? Arrays.asList(Metric.values()) : metrics;
        List<MetricValue> values = Arrays.stream(Metric.values()).filter(asked::contains)
                .map(metric -> new MetricValue(metric, snapshot.count(metric))).toList();
        return new EngagementUpdate(snapshot.communityId() == null
                ? null
                : GlobalId.encode("Community",
                        snapshot.communityId()),
                snapshot.windowMinutes(), snapshot.at(), values, snapshot.activeMembers(),
                new SentimentSplit(snapshot.count(Metric.POSITIVE), snapshot.count(Metric.NEUTRAL),
                        snapshot.count(Metric.NEGATIVE)),
                snapshot.resumeToken());
    }
}
