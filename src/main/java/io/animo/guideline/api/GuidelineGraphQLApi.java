package io.animo.guideline.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.guideline.domain.GuidelineResult;
import io.animo.guideline.domain.GuidelineService;
import io.animo.guideline.domain.GuidelinesResult;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class GuidelineGraphQLApi {

    private static final String[] WRITERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};
    /** Stands for an id that is not a guideline id: it matches nothing, so the order is invalid. */

    private final GuidelineService guidelines;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public GuidelineGraphQLApi(GuidelineService guidelines, TenantWork work, SecurityIdentity identity) {
        this.guidelines = guidelines;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("A community's guidelines by position, with their history and whether the viewer must acknowledge them;"
            + " null when the tenant has no such community. Every role of the tenant.")
    public Uni<CommunityGuidelines> guidelines(@NonNull @Id String communityId) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(communityId, Guideline.COMMUNITY_TYPE)
                .map(uuid -> guidelines.guidelines(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().nullItem()))
                .map(CommunityGuidelines::of);
    }

    @Mutation
    @Description("Add a guideline (at position, or at the end); at most 50 per community."
            + " Roles: tenant-admin, community-manager.")
    public Uni<@NonNull GuidelinePayload> guidelineCreate(@NonNull GuidelineCreateInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> GlobalId.decode(input.communityId(), Guideline.COMMUNITY_TYPE)
                .map(uuid -> guidelines.create(tx, caller, uuid, input.title(), input.body(), input.position(),
                        input.clientMutationId()))
                .orElseGet(() -> Uni.createFrom().item(GuidelineResult.refused("input.communityId", "NOT_FOUND",
                        "No community of this tenant has this id."))))
                .map(result -> GuidelinePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Edit a guideline (pass the revision you read); its previous version stays in its history."
            + " Roles: tenant-admin, community-manager.")
    public Uni<@NonNull GuidelinePayload> guidelineUpdate(@NonNull GuidelineUpdateInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> GlobalId.decode(input.id(), Guideline.TYPE)
                .map(uuid -> guidelines.update(tx, caller, uuid, input.title(), input.body(), input.expectedRevision()))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> GuidelinePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Delete a guideline; the ones after it move up. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull GuidelineDeletePayload> guidelineDelete(@NonNull GuidelineDeleteInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> GlobalId.decode(input.id(), Guideline.TYPE)
                .map(uuid -> guidelines.delete(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> GuidelineDeletePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Put a community's guidelines in a new order: list each of them once."
            + " Roles: tenant-admin, community-manager.")
    public Uni<@NonNull CommunityGuidelinesPayload> guidelinesReorder(@NonNull GuidelinesReorderInput input) {
        List<UUID> order = input.guidelineIds().stream()
                .map(id -> GlobalId.required(id, Guideline.TYPE))
                .toList();
        return work.as(identity, WRITERS).run((tx, caller) -> GlobalId.decode(input.communityId(), Guideline.COMMUNITY_TYPE)
                .map(uuid -> guidelines.reorder(tx, caller, uuid, order))
                .orElseGet(() -> Uni.createFrom().item(unknownCommunity())))
                .map(result -> CommunityGuidelinesPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Whether members must acknowledge the current guidelines before posting in the community."
            + " Roles: tenant-admin, community-manager.")
    public Uni<@NonNull CommunityGuidelinesPayload> guidelinesRequireAcknowledgement(
            @NonNull GuidelinesRequireAcknowledgementInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> GlobalId.decode(input.communityId(), Guideline.COMMUNITY_TYPE)
                .map(uuid -> guidelines.requireAcknowledgement(tx, caller, uuid, input.required()))
                .orElseGet(() -> Uni.createFrom().item(unknownCommunity())))
                .map(result -> CommunityGuidelinesPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Acknowledge the revision of a community's guidelines you read. Members of the community.")
    public Uni<@NonNull CommunityGuidelinesPayload> guidelinesAcknowledge(@NonNull GuidelinesAcknowledgeInput input) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(input.communityId(), Guideline.COMMUNITY_TYPE)
                .map(uuid -> guidelines.acknowledge(tx, caller, uuid, input.revision()))
                .orElseGet(() -> Uni.createFrom().item(unknownCommunity())))
                .map(result -> CommunityGuidelinesPayload.of(result, input.clientMutationId()));
    }

    private static GuidelineResult unknown() {
        return GuidelineResult.refused("input.id", "NOT_FOUND", "No guideline of this tenant has this id.");
    }

    private static GuidelinesResult unknownCommunity() {
        return GuidelinesResult.refused("input.communityId", "NOT_FOUND", "No community of this tenant has this id.");
    }
}
