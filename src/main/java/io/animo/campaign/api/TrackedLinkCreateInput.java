package io.animo.campaign.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TrackedLinkCreateInput")
public record TrackedLinkCreateInput(@Id @NonNull String campaignId,
        @NonNull @Description("Where the link is posted: 1 to 40 letters, digits, '-' or '_' (newsletter, twitter…)") String channel,
        @NonNull @Description("The http(s) address the link leads to") String targetUrl,
        @Id @Description("The campaign's community the link brings people into; its first by default") String communityId,
        @Description("Default: the channel") String utmSource, @Description("Default: animo") String utmMedium,
        String utmContent, String clientMutationId) {
}
