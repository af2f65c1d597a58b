package io.animo.metrics.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.animo.activity.domain.ActivityKind;
import io.animo.sentiment.domain.SentimentLabel;

/**
 * What is counted, per community and bucket, from the activities: each kind of activity adds one to the metrics it
 * counts for (a reply is a message and a reply; an opening message is a message and a thread), and content adds
 * one to the metric of its sentiment. Distinct active members are not a sum of buckets: they are counted from the
 * activities themselves ({@link ActivityKind#byTheMember()}).
 */
public enum Metric {
    MESSAGES(ActivityKind.THREAD_CREATED, ActivityKind.MESSAGE_POSTED, ActivityKind.REPLY_POSTED), REPLIES(
            ActivityKind.REPLY_POSTED), THREADS(ActivityKind.THREAD_CREATED), REACTIONS(
                    ActivityKind.REACTION_ADDED), POLL_VOTES(ActivityKind.POLL_VOTED), JOINS(
                            ActivityKind.MEMBER_JOINED), LEAVES(ActivityKind.MEMBER_LEFT), REPORTS(
                                    ActivityKind.REPORT_FILED), MODERATION_DECISIONS(
                                            ActivityKind.MODERATION_DECIDED), SANCTIONS(
                                                    ActivityKind.SANCTION_ISSUED), MENTIONS(ActivityKind.MENTION_INGESTED),
    /** Clicks on the tracked links of campaigns that lead into the community. */
    CLICKS(ActivityKind.CAMPAIGN_CLICKED),
    /** Answers to the community's events. */
    RSVPS(ActivityKind.EVENT_RSVP),
    /** Members checked in at the community's events. */
    CHECK_INS(ActivityKind.EVENT_CHECKED_IN),
    /** Messages and mentions whose text reads positive. */
    POSITIVE, NEUTRAL, NEGATIVE;

    private final Set<ActivityKind> kinds;

    Metric(ActivityKind... kinds) {
        this.kinds = kinds.length == 0 ? EnumSet.noneOf(ActivityKind.class) : EnumSet.copyOf(Arrays.asList(kinds));
    }

    public static Metric of(SentimentLabel sentiment) {
        return valueOf(sentiment.name());
    }

    /** The metrics one activity of {@code kind} counts for (without its sentiment). */
    public static List<Metric> countedFor(ActivityKind kind) {
        return Arrays.stream(values()).filter(metric -> metric.kinds.contains(kind)).toList();
    }

    /**
     * SQL that turns an activity row ({@code kind}, {@code sentiment} columns of alias {@code a}) into the array of
     * metric names it counts for: made from this enum, so the aggregator and the reconciliation cannot disagree.
     */
    static String metricsOfActivitySql() {
        String byKind = Arrays.stream(ActivityKind.values())
                .filter(kind -> !countedFor(kind).isEmpty())
                .map(kind -> " when '" + kind + "' then array["
                        + countedFor(kind).stream().map(metric -> "'" + metric + "'").collect(Collectors.joining(", "))
                        + "]")
                .collect(Collectors.joining());
        return "(case a.kind" + byKind + " else array[]::text[] end"
                + " || case when a.sentiment is null then array[]::text[] else array[a.sentiment] end)";
    }

    /** SQL list of the activity kinds done by members themselves, for distinct active members. */
    static String memberKindsSql() {
        return ActivityKind.byTheMemberSql();
    }
}
