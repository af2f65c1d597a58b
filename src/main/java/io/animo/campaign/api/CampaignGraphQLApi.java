package io.animo.campaign.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.animo.campaign.domain.CampaignResult;
import io.animo.campaign.domain.CampaignService;
import io.animo.campaign.domain.NewCampaign;
import io.animo.campaign.domain.NewLink;
import io.animo.campaign.domain.Segment;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class CampaignGraphQLApi {

    private static final String[] ORGANISERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};
    private static final String[] READERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST};

    private final CampaignService campaigns;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public CampaignGraphQLApi(CampaignService campaigns, TenantWork work, SecurityIdentity identity) {
        this.campaigns = campaigns;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("The tenant's campaigns starting before startingBefore (all when left out), latest start first, at"
            + " most 100; page by giving the startsAt of the last one. Roles: tenant-admin, community-manager, analyst.")
    public Uni<@NonNull List<@NonNull CampaignView>> campaigns(Instant startingBefore, @DefaultValue("20") int first) {
        return work.as(identity, READERS).run((tx, caller) -> campaigns.list(tx, startingBefore, first))
                .map(found -> found.stream().map(CampaignView::of).toList());
    }

    @Query
    @Description("A campaign by id; null when the tenant has none with this id. Roles: tenant-admin,"
            + " community-manager, analyst.")
    public Uni<CampaignView> campaign(@NonNull @Id String id) {
        return work.as(identity, READERS).run((tx, caller) -> decode(id).map(uuid -> campaigns.get(tx, uuid))
                .orElseGet(() -> Uni.createFrom().nullItem())).map(CampaignView::of);
    }

    @Description("The campaign's tracked links, oldest first, with their clicks.")
    public Uni<@NonNull List<@NonNull TrackedLinkView>> links(@Source CampaignView campaign) {
        UUID id = GlobalId.required(campaign.id(), CampaignView.TYPE);
        return work.as(identity, READERS).run((tx, caller) -> campaigns.links(tx, id))
                .map(links -> links.stream().map(TrackedLinkView::of).toList());
    }

    @Description("Reach, clicks, conversions, engagement and sentiment in the target communities, and lift against"
            + " the period of the same length before the campaign.")
    public Uni<@NonNull CampaignReportView> report(@Source CampaignView campaign) {
        UUID id = GlobalId.required(campaign.id(), CampaignView.TYPE);
        return work.as(identity, READERS).run((tx, caller) -> campaigns.get(tx, id)
                .chain(found -> campaigns.report(tx, found))).map(CampaignReportView::of);
    }

    @Mutation
    @Description("Draft a campaign aimed at communities the caller administers. Audited. Roles: tenant-admin,"
            + " community-manager.")
    public Uni<@NonNull CampaignPayload> campaignCreate(@NonNull CampaignCreateInput input) {
        List<Optional<UUID>> decoded = input.communityIds().stream().map(id -> GlobalId.decode(id, "Community")).toList();
        Segment segment = input.segment() == null ? null : input.segment().toSegment();
        return work.as(identity, ORGANISERS).run((tx, caller) -> {
            if (decoded.stream().anyMatch(Optional::isEmpty)) {
                return Uni.createFrom().item(CampaignResult.refused("input.communityIds", "NOT_FOUND",
                        "No community of this tenant has one of these ids."));
            }
            return campaigns.create(tx, caller, new NewCampaign(input.name(), input.objective(), input.startsAt(),
                    input.endsAt(), input.attributionDays(), decoded.stream().map(Optional::get).toList(), segment));
        }).map(result -> CampaignPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Schedule a draft: it runs from startsAt to endsAt. Announced to webhooks (campaign.scheduled)."
            + " Audited. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull CampaignPayload> campaignSchedule(@NonNull CampaignScheduleInput input) {
        return work.as(identity, ORGANISERS).run((tx, caller) -> decode(input.id())
                .map(uuid -> campaigns.schedule(tx, caller, uuid)).orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> CampaignPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("End a scheduled or running campaign now. Announced to webhooks (campaign.ended). Audited. Roles:"
            + " tenant-admin, community-manager.")
    public Uni<@NonNull CampaignPayload> campaignEnd(@NonNull CampaignEndInput input) {
        return work.as(identity, ORGANISERS).run((tx, caller) -> decode(input.id())
                .map(uuid -> campaigns.end(tx, caller, uuid)).orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> CampaignPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Make a tracked link for a channel of a campaign that has not ended. Audited. Roles: tenant-admin,"
            + " community-manager.")
    public Uni<@NonNull TrackedLinkPayload> trackedLinkCreate(@NonNull TrackedLinkCreateInput input) {
        UUID community = GlobalId.optional(input.communityId(), "Community");
        NewLink link = new NewLink(input.channel(), input.targetUrl(), community, input.utmSource(), input.utmMedium(),
                input.utmContent());
        return work.as(identity, ORGANISERS).run((tx, caller) -> decode(input.campaignId())
                .map(uuid -> campaigns.createLink(tx, caller, uuid, link))
                .orElseGet(() -> Uni.createFrom().item(CampaignResult.refused("input.campaignId", "NOT_FOUND",
                        "No campaign of this tenant has this id."))))
                .map(result -> TrackedLinkPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Claim a click as the signed-in person who made it (the animo_click parameter of the landing"
            + " address), within the campaign's attribution window: the joins, posts and RSVPs that follow count for"
            + " the campaign. Any role.")
    public Uni<@NonNull CampaignClickClaimPayload> campaignClickClaim(@NonNull CampaignClickClaimInput input) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(input.clickId(), CampaignRedirectRoute.CLICK)
                .map(uuid -> campaigns.claim(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(io.animo.campaign.domain.ClickClaim.unknown())))
                .map(claim -> CampaignClickClaimPayload.of(claim, input.clientMutationId()));
    }

    private static Optional<UUID> decode(String id) {
        return GlobalId.decode(id, CampaignView.TYPE);
    }

    private static CampaignResult unknown() {
        return CampaignResult.refused("input.id", "NOT_FOUND", "No campaign of this tenant has this id.");
    }
}
