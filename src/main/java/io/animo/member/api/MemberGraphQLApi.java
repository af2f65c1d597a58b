package io.animo.member.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.animo.member.domain.MemberService;
import io.animo.member.domain.MembershipQuery;
import io.animo.member.domain.MembershipResult;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.tenancy.api.Viewer;
import io.animo.tenancy.domain.TenantAccess;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class MemberGraphQLApi {

    private static final String COMMUNITY = "Community";

    private final MemberService members;
    private final TenantAccess access;
    private final TenantWork work;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public MemberGraphQLApi(MemberService members, TenantAccess access, TenantWork work, SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.members = members;
        this.access = access;
        this.work = work;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("Members of a community in the order they joined. A private community's members are listed to its"
            + " members and to tenant admins and community managers only.")
    public Uni<@NonNull MembershipConnection> members(@NonNull @Id String communityId, MembershipFilter filter, Integer first,
            String after, Integer last, String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        MembershipQuery query = new MembershipQuery(filter == null ? null : filter.role(),
                filter == null ? null : filter.status(), page);
        return work.asMember(identity).run((tx, caller) -> community(communityId)
                .map(uuid -> members.members(tx, caller, uuid, query))
                .orElseGet(() -> Uni.createFrom().item(Page.empty())))
                .map(MembershipConnection::of);
    }

    @Description("The communities the caller belongs to, oldest membership first.")
    public Uni<@NonNull List<@NonNull Membership>> memberships(@Source Viewer viewer) {
        if (viewer.platformOperator()) {
            return Uni.createFrom().item(List.of());
        }
        return work.asMember(identity).run(members::mine)
                .map(list -> list.stream().map(Membership::of).toList());
    }

    @Mutation
    @Description("Join a public community (tenant admins and community managers may also join private ones). Any role.")
    public Uni<@NonNull MembershipPayload> communityJoin(@NonNull CommunityJoinInput input) {
        return work.asMember(identity).run((tx, caller) -> community(input.communityId())
                .map(uuid -> members.join(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(unknownCommunity())))
                .map(result -> MembershipPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Leave a community. Any role.")
    public Uni<@NonNull MembershipPayload> communityLeave(@NonNull CommunityLeaveInput input) {
        return work.asMember(identity).run((tx, caller) -> community(input.communityId())
                .map(uuid -> members.leave(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(unknownCommunity())))
                .map(result -> MembershipPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Give a member a community role (OWNER, MODERATOR, MEMBER). Tenant admins, community managers and"
            + " the community's owners.")
    public Uni<@NonNull MembershipPayload> membershipRoleSet(@NonNull MembershipRoleSetInput input) {
        Optional<UUID> communityId = community(input.communityId());
        Optional<UUID> memberId = GlobalId.decode(input.memberId(), Member.TYPE);
        return work.asMember(identity).run((tx, caller) -> communityId.isEmpty()
                ? Uni.createFrom().item(unknownCommunity())
                : memberId.isEmpty()
                        ? Uni.createFrom().item(MembershipResult.rejected("input.memberId", "NOT_FOUND",
                                "This person is not a member of this community."))
                        : members.setRole(tx, caller, communityId.get(), memberId.get(), input.role()))
                .map(result -> MembershipPayload.of(result, input.clientMutationId()));
    }

    private static Optional<UUID> community(String id) {
        return GlobalId.decode(id, COMMUNITY);
    }

    private static MembershipResult unknownCommunity() {
        return MembershipResult.rejected("input.communityId", "NOT_FOUND", "No community of this tenant has this id.");
    }
}
