package io.animo.campaign.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.CampaignReport;

@Type("CampaignReport")
@Description("How a campaign did over [from, to): to is now while it runs. The baseline is the period of the same"
        + " length just before it.")
public record CampaignReportView(@NonNull Instant from, @NonNull Instant to, @NonNull Instant baselineFrom,
        @NonNull @Description("Members of the target communities in the segment (banned members left out)") long reach,
        @NonNull @Description("Clicks on the campaign's links") long clicks,
        @NonNull @Description("Members who claimed a click") long identifiedClickers,
        @NonNull @Description("Clickers who joined a target community within the attribution window") long joined,
        @NonNull @Description("Clickers who posted in a target community within the attribution window") long posted,
        @NonNull @Description("Clickers who answered a target community's event within the attribution window") long rsvped,
        @NonNull CampaignFigures campaign, @NonNull CampaignFigures baseline,
        @NonNull List<@NonNull MetricLift> lift) {

    static CampaignReportView of(CampaignReport r) {
        return new CampaignReportView(r.from(), r.to(), r.baselineFrom(), r.reach(), r.clicks(), r.identifiedClickers(),
                r.joined(), r.posted(), r.rsvped(), CampaignFigures.of(r.campaign()), CampaignFigures.of(r.baseline()),
                r.lifts().stream().map(MetricLift::of).toList());
    }
}
