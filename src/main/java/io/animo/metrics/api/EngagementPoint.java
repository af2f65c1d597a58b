package io.animo.metrics.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.Metric;

@Type("EngagementPoint")
@Description("The figures of one bucket, which starts at `start` and lasts one granularity.")
public record EngagementPoint(
        @NonNull Instant start,
        @NonNull @Description("Messages posted: thread openings, messages and replies") long messages,
        @NonNull long replies,
        @NonNull long threads,
        @NonNull long reactions,
        @NonNull long pollVotes,
        @NonNull long joins,
        @NonNull long leaves,
        @NonNull @Description("Reports of messages filed by members") long reports,
        @NonNull long moderationDecisions,
        @NonNull @Description("Sanctions issued, by moderators and by rules") long sanctions,
        @NonNull @Description("Messages ingested from listened-to communities") long mentions,
        @NonNull @Description("Clicks on campaigns' tracked links leading into the community") long clicks,
        @NonNull @Description("Answers to the community's events") long rsvps,
        @NonNull @Description("Members checked in at the community's events") long checkIns,
        @NonNull @Description("Distinct members who did something themselves in the bucket") long activeMembers,
        @NonNull SentimentSplit sentiment,
        @Description("Median seconds from a question asked in the bucket to its first answer by someone else;"
                + " null when none was answered") Double medianFirstReplySeconds) {

    static EngagementPoint of(io.animo.metrics.domain.EngagementPoint point) {
        return new EngagementPoint(point.start(), point.count(Metric.MESSAGES), point.count(Metric.REPLIES),
                point.count(Metric.THREADS), point.count(Metric.REACTIONS), point.count(Metric.POLL_VOTES),
                point.count(Metric.JOINS), point.count(Metric.LEAVES), point.count(Metric.REPORTS),
                point.count(Metric.MODERATION_DECISIONS), point.count(Metric.SANCTIONS), point.count(Metric.MENTIONS),
                point.count(Metric.CLICKS), point.count(Metric.RSVPS), point.count(Metric.CHECK_INS),
                point.activeMembers(), new SentimentSplit(point.count(Metric.POSITIVE), point.count(Metric.NEUTRAL),
                        point.count(Metric.NEGATIVE)),
                point.medianFirstReplySeconds());
    }
}
