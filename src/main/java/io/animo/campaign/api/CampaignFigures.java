package io.animo.campaign.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.PeriodFigures;

@Type("CampaignFigures")
@Description("Activity in the campaign's communities over one period.")
public record CampaignFigures(@NonNull long messages, @NonNull long activeMembers, @NonNull long joins,
        @NonNull long clicks, @NonNull long positive, @NonNull long negative,
        @Description("Positive among messages whose sentiment is known; null when none is") Double positiveShare) {

    static CampaignFigures of(PeriodFigures f) {
        return new CampaignFigures(f.messages(), f.activeMembers(), f.joins(), f.clicks(), f.positive(), f.negative(),
                f.positiveShare());
    }
}
