package io.animo.sanction.api;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.sanction.domain.AppealResult;
import io.animo.sanction.domain.AppealStatus;
import io.animo.sanction.domain.SanctionOrder;
import io.animo.sanction.domain.SanctionResult;
import io.animo.sanction.domain.SanctionService;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class SanctionGraphQLApi {

    private final SanctionService sanctions;
    private final TenantWork work;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public SanctionGraphQLApi(SanctionService sanctions, TenantWork work, SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.sanctions = sanctions;
        this.work = work;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("Sanctions of a community, newest first. Tenant admins, community managers and moderators see all;"
            + " anyone else only their own.")
    public Uni<@NonNull SanctionConnection> sanctions(@NonNull @Id String communityId, @Id String memberId,
            @DefaultValue("false") Boolean activeOnly, Integer first, String after, Integer last, String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        Optional<UUID> member = memberId == null
                ? Optional.empty()
                : Optional.of(GlobalId.required(memberId, "Member"));
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(communityId, "Community")
                .map(uuid -> sanctions.sanctions(tx, caller, uuid, member.orElse(null),
                        Boolean.TRUE.equals(activeOnly), page))
                .orElseGet(() -> Uni.createFrom().item(Page.empty())))
                .map(SanctionConnection::of);
    }

    @Query
    @Description("Appeals of a community, oldest first. Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull AppealConnection> appeals(@NonNull @Id String communityId, AppealStatus status, Integer first,
            String after, Integer last, String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        return work.as(identity, SanctionService.STAFF).run((tx, caller) -> GlobalId.decode(communityId, "Community")
                .map(uuid -> sanctions.appeals(tx, caller, uuid, status, page))
                .orElseGet(() -> Uni.createFrom().item(Page.empty())))
                .map(AppealConnection::of);
    }

    @Mutation
    @Description("Warn, mute (until a time) or ban (until a time, or permanently) a member of a community."
            + " Roles: tenant-admin, community-manager, moderator; owners of the community only by tenant admins.")
    public Uni<@NonNull SanctionPayload> sanctionIssue(@NonNull SanctionIssueInput input) {
        SanctionOrder order = new SanctionOrder(input.kind(), input.reason(), input.until());
        return work.as(identity, SanctionService.STAFF).run((tx, caller) -> {
            Optional<UUID> community = GlobalId.decode(input.communityId(), "Community");
            Optional<UUID> member = GlobalId.decode(input.memberId(), "Member");
            if (community.isEmpty()) {
                return Uni.createFrom().item(SanctionResult.refused("input.communityId", "NOT_FOUND",
                        "No community of this tenant has this id."));
            }
            if (member.isEmpty()) {
                return Uni.createFrom().item(SanctionResult.refused("input.memberId", "NOT_A_MEMBER",
                        "This person is not a member of this community."));
            }
            return sanctions.issue(tx, caller, community.get(), member.get(), order, input.clientMutationId());
        }).map(result -> SanctionPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Lift a sanction before it ends, with a note; the member's standing follows the sanctions left."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull SanctionPayload> sanctionLift(@NonNull SanctionLiftInput input) {
        return work.as(identity, SanctionService.STAFF).run((tx, caller) -> GlobalId.decode(input.sanctionId(),
                Sanction.TYPE)
                .map(uuid -> sanctions.lift(tx, caller, uuid, input.note()))
                .orElseGet(() -> Uni.createFrom().item(SanctionResult.refused("input.sanctionId", "NOT_FOUND",
                        "No sanction of this tenant has this id."))))
                .map(result -> SanctionPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Appeal a sanction of yours, once. Only the sanctioned member.")
    public Uni<@NonNull AppealPayload> appealFile(@NonNull AppealFileInput input) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(input.sanctionId(), Sanction.TYPE)
                .map(uuid -> sanctions.file(tx, caller, uuid, input.statement()))
                .orElseGet(() -> Uni.createFrom().item(AppealResult.refused("input.sanctionId", "NOT_FOUND",
                        "No sanction of yours has this id."))))
                .map(result -> AppealPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Uphold an appeal's sanction, or overturn it (which lifts the sanction). Roles: tenant-admin,"
            + " community-manager, moderator, other than who issued the sanction.")
    public Uni<@NonNull AppealPayload> appealDecide(@NonNull AppealDecideInput input) {
        return work.as(identity, SanctionService.STAFF).run((tx, caller) -> GlobalId.decode(input.appealId(),
                Appeal.TYPE)
                .map(uuid -> sanctions.decide(tx, caller, uuid, input.decision(), input.note()))
                .orElseGet(() -> Uni.createFrom().item(AppealResult.refused("input.appealId", "NOT_FOUND",
                        "No appeal of this tenant has this id."))))
                .map(result -> AppealPayload.of(result, input.clientMutationId()));
    }
}
