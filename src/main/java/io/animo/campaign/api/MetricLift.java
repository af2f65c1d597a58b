package io.animo.campaign.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.Lift;

@Type("MetricLift")
@Description("A figure during the campaign against the baseline: lift = (campaign − baseline) / baseline.")
public record MetricLift(@NonNull @Description("MESSAGES, ACTIVE_MEMBERS, JOINS or POSITIVE_SHARE") String metric,
        Double campaign, Double baseline, @Description("Null when the baseline is zero or unknown") Double lift) {

    static MetricLift of(Lift l) {
        return new MetricLift(l.metric(), l.campaign(), l.baseline(), l.ratio());
    }
}
