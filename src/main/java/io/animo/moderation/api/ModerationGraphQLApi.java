package io.animo.moderation.api;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.moderation.domain.ItemReason;
import io.animo.moderation.domain.ItemResult;
import io.animo.moderation.domain.ItemStatus;
import io.animo.moderation.domain.ModerationService;
import io.animo.moderation.domain.QueueEvents;
import io.animo.moderation.domain.QueueOrder;
import io.animo.moderation.domain.QueueQuery;
import io.animo.moderation.domain.ReportResult;
import io.animo.platform.graphql.EventsMissedException;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantAccess;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class ModerationGraphQLApi {

    private static final String[] MODERATORS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};

    private final ModerationService moderation;
    private final QueueEvents events;
    private final TenantAccess access;
    private final TenantWork work;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public ModerationGraphQLApi(ModerationService moderation, QueueEvents events, TenantAccess access, TenantWork work,
            SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.moderation = moderation;
        this.events = events;
        this.access = access;
        this.work = work;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("The moderation queue of a community. Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull ModerationItemConnection> moderationQueue(@NonNull @Id String communityId,
            @DefaultValue("OPEN") ItemStatus status, ItemReason reason, @DefaultValue("PRIORITY") QueueOrder orderBy,
            Integer first, String after, Integer last, String before) {
        QueueQuery query = new QueueQuery(status, reason, orderBy, PageRequest.of(first, after, last, before, maxPageSize));
        return work.as(identity, MODERATORS).run((tx, caller) -> GlobalId.decode(communityId, "Community")
                .map(uuid -> moderation.queue(tx, caller, uuid, query))
                .orElseGet(() -> Uni.createFrom().item(Page.empty())))
                .map(ModerationItemConnection::of);
    }

    @Mutation
    @Description("Report a message to the community's moderators, with a reason. Once per message; you get your report"
            + " back, not the moderators' queue item. Any role.")
    public Uni<@NonNull ContentReportPayload> contentReport(@NonNull ContentReportInput input) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(input.messageId(), "Message")
                .map(uuid -> moderation.report(tx, caller, uuid, input.reason()))
                .orElseGet(() -> Uni.createFrom().item(new ReportResult(null, List.of(UserError.of("input.messageId",
                        "NOT_FOUND", "No message you can see has this id."))))))
                .map(result -> ContentReportPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Take a queue item so other moderators know you are on it. Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull ModerationItemPayload> moderationItemClaim(@NonNull ModerationItemClaimInput input) {
        return work.as(identity, MODERATORS).run((tx, caller) -> GlobalId.decode(input.itemId(), ModerationItem.TYPE)
                .map(uuid -> moderation.claim(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(unknownItem())))
                .map(result -> ModerationItemPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Approve (publish), remove, or escalate to the tenant admins, with a note; optionally sanction the"
            + " message's author. Roles: tenant-admin, community-manager, moderator; escalated items: tenant-admin.")
    public Uni<@NonNull ModerationItemPayload> moderationItemDecide(@NonNull ModerationItemDecideInput input) {
        return work.as(identity, MODERATORS).run((tx, caller) -> GlobalId.decode(input.itemId(), ModerationItem.TYPE)
                .map(uuid -> moderation.decide(tx, caller, uuid, input.decision(), input.note(),
                        input.sanction() == null ? null : input.sanction().order()))
                .orElseGet(() -> Uni.createFrom().item(unknownItem())))
                .map(result -> ModerationItemPayload.of(result, input.clientMutationId()));
    }

    @Subscription
    @Description("Live changes of the moderation queue of your tenant, or of one community."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Multi<ModerationItemChanged> moderationQueueEvents(@Id String communityId) {
        java.util.Optional<java.util.UUID> community = java.util.Optional.ofNullable(GlobalId.optional(communityId,
                "Community"));
        return Multi.createFrom().uni(access.require(identity, MODERATORS))
                .onItem().transformToMultiAndMerge(caller -> EventsMissedException.endingAtGap(events.stream()
                        .filter(change -> change.tenantId().equals(caller.tenantId()))
                        .filter(change -> community.isEmpty() || community.get().equals(change.communityId()))
                        .onOverflow().buffer(1_024)
                        .call(change -> access.ensureActive(caller))
                        .map(ModerationItemChanged::of), events.gaps()));
    }

    private static ItemResult unknownItem() {
        return ItemResult.refused("input.itemId", "NOT_FOUND", "No queue item of this tenant has this id.");
    }
}
