package io.animo.campaign.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.campaign.domain.CampaignResult;
import io.animo.platform.graphql.UserError;

@Type("TrackedLinkPayload")
public record TrackedLinkPayload(TrackedLinkView link, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static TrackedLinkPayload of(CampaignResult result, String clientMutationId) {
        return new TrackedLinkPayload(TrackedLinkView.of(result.link()), result.userErrors(), clientMutationId);
    }
}
