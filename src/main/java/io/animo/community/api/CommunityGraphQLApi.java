package io.animo.community.api;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.community.domain.CommunityOrder;
import io.animo.community.domain.CommunityQuery;
import io.animo.community.domain.CommunityResult;
import io.animo.community.domain.CommunityService;
import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.Selection;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class CommunityGraphQLApi {

    private static final String[] WRITERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};

    private final CommunityService communities;
    private final CommunitySubscriptions subscriptions;
    private final TenantWork work;
    private final SecurityIdentity identity;
    private final Context context;
    private final int maxPageSize;

    public CommunityGraphQLApi(CommunityService communities, CommunitySubscriptions subscriptions, TenantWork work,
            SecurityIdentity identity, Context context, @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.communities = communities;
        this.subscriptions = subscriptions;
        this.work = work;
        this.identity = identity;
        this.context = context;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("A community of your tenant by id or by slug (give exactly one); null when there is none.")
    public Uni<Community> community(@Id String id, String slug) {
        if ((id == null) == (slug == null)) {
            return Uni.createFrom().failure(new BadRequestException("Give either id or slug."));
        }
        return work.asMember(identity).run((tx, caller) -> {
            if (slug != null) {
                return communities.getBySlug(tx, slug).map(Community::of);
            }
            return GlobalId.decode(id, Community.TYPE)
                    .map(uuid -> communities.get(tx, uuid).map(Community::of))
                    .orElseGet(() -> Uni.createFrom().nullItem());
        });
    }

    @Query
    @Description("Communities of your tenant, newest first unless orderBy says otherwise.")
    public Uni<@NonNull CommunityConnection> communities(Integer first, String after, Integer last, String before,
            CommunityFilter filter, @DefaultValue("CREATED_AT_DESC") CommunityOrder orderBy) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        String search = filter == null || filter.search() == null || filter.search().isBlank()
                ? null
                : filter.search().strip();
        if (search != null && search.length() > 100) {
            return Uni.createFrom().failure(new BadRequestException("search can have at most 100 characters."));
        }
        CommunityQuery query = new CommunityQuery(filter == null ? null : filter.status(), search, orderBy, page);
        boolean withTotal = Selection.of(context).has("totalCount");
        return work.asMember(identity).run((tx, caller) -> communities.page(tx, query, withTotal))
                .map(result -> CommunityConnection.of(result, orderBy));
    }

    @Mutation
    @Description("Create a community. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull CommunityCreatePayload> communityCreate(@NonNull CommunityCreateInput input) {
        return work.as(identity, WRITERS)
                .run((tx, caller) -> communities.create(tx, caller, input.draft(), input.clientMutationId()))
                .map(result -> CommunityCreatePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Change a community's name, slug, description or visibility. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull CommunityUpdatePayload> communityUpdate(@NonNull CommunityUpdateInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> communityId(input.id())
                .map(uuid -> communities.update(tx, caller, uuid, input.version(), input.changes()))
                .orElseGet(CommunityGraphQLApi::unknownId))
                .map(result -> CommunityUpdatePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Archive a community: it stays readable and stops changing. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull CommunityArchivePayload> communityArchive(@NonNull CommunityArchiveInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> communityId(input.id())
                .map(uuid -> communities.archive(tx, caller, uuid, input.version()))
                .orElseGet(CommunityGraphQLApi::unknownId))
                .map(result -> CommunityArchivePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Switch crisis modes (slow mode, pre-moderation, read-only). Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull CommunityModesSetPayload> communityModesSet(@NonNull CommunityModesSetInput input) {
        return work.as(identity, Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR)
                .run((tx, caller) -> communityId(input.id())
                        .map(uuid -> communities.setModes(tx, caller, uuid, input.slowModeSeconds(), input.preModeration(),
                                input.readOnly()))
                        .orElseGet(CommunityGraphQLApi::unknownId))
                .map(result -> CommunityModesSetPayload.of(result, input.clientMutationId()));
    }

    @Subscription
    @Description("Communities of your tenant as they are created, updated and archived.")
    public Multi<CommunityEvent> communityEvents() {
        return Multi.createFrom().uni(work.asMember(identity).caller())
                .onItem().transformToMultiAndMerge(subscriptions::forTenant);
    }

    private static java.util.Optional<UUID> communityId(String id) {
        return GlobalId.decode(id, Community.TYPE);
    }

    private static Uni<CommunityResult> unknownId() {
        return Uni.createFrom().item(new CommunityResult(null,
                java.util.List.of(UserError.of("input.id", "NOT_FOUND", "No community of this tenant has this id."))));
    }
}
