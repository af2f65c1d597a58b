package io.animo.metrics.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.Granularity;

@Type("EngagementSeries")
@Description("A time series of engagement figures, one point per bucket, oldest first, empty buckets included.")
public record EngagementSeries(
        @Id @Description("The community of the series; null for the whole tenant") String communityId,
        @NonNull Granularity granularity,
        @NonNull @Description("The IANA time zone days and weeks are cut in") String timeZone,
        @NonNull List<@NonNull EngagementPoint> points) {
}
