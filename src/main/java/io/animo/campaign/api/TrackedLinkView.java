package io.animo.campaign.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.TrackedLink;
import io.animo.platform.graphql.GlobalId;

@Type("TrackedLink")
@Description("A short public link of a campaign: GET path (no token) records a click and redirects to targetUrl with"
        + " the UTM parameters and animo_click, the id a signed-in member gives to campaignClickClaim.")
public record TrackedLinkView(@Id @NonNull String id, @Id @NonNull String campaignId, @NonNull String code,
        @NonNull @Description("/r/{code}, on the API's host") String path, @NonNull String channel,
        @NonNull String targetUrl, @Id @NonNull String communityId, @NonNull String utmSource,
        @NonNull String utmMedium, @NonNull String utmCampaign, String utmContent, @NonNull long clicks,
        @NonNull Instant createdAt) {

    static TrackedLinkView of(TrackedLink l) {
        return l == null
                ? null
                : new TrackedLinkView(GlobalId.encode("TrackedLink", l.id()), GlobalId.encode(CampaignView.TYPE,
                        l.campaignId()), l.code(), CampaignRedirectRoute.PREFIX + l.code(), l.channel(), l.targetUrl(),
                        GlobalId.encode("Community", l.communityId()), l.utmSource(), l.utmMedium(), l.utmCampaign(),
                        l.utmContent(), l.clicks(), l.createdAt());
    }
}
