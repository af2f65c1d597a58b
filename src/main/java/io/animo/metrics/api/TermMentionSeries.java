package io.animo.metrics.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.Granularity;
import io.animo.metrics.domain.TermMentionPoint;
import io.animo.metrics.domain.TrackedTermService;

@Type("TermMentionSeries")
@Description("Mentions of a tracked term over time: its popularity, and the opinions about it.")
public record TermMentionSeries(@NonNull TrackedTermView term, @Id @Description("null for the whole tenant") String communityId,
        @NonNull Granularity granularity, @NonNull String timeZone, @NonNull List<@NonNull Point> points) {

    @Type("TermMentionPoint")
    public record Point(@NonNull Instant start, @NonNull long mentions, @NonNull SentimentSplit sentiment) {

        static Point of(TermMentionPoint p) {
            return new Point(p.start(), p.mentions(), new SentimentSplit(p.positive(), p.neutral(), p.negative()));
        }
    }

    static TermMentionSeries of(TrackedTermService.MentionSeries series, String communityId, Granularity granularity,
            String timeZone) {
        return series == null
                ? null
                : new TermMentionSeries(TrackedTermView.of(series.term()), communityId, granularity, timeZone,
                        series.points().stream().map(Point::of).toList());
    }
}
