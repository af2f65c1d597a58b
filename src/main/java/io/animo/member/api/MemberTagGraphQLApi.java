package io.animo.member.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.animo.member.domain.MemberTags;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Member tags: labels staff put on members to aim campaigns at them (CampaignSegmentInput.tags). */
@GraphQLApi
@GraphQLBoundary
public class MemberTagGraphQLApi {

    private static final String[] TAGGERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};
    private static final String[] READERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR,
            Roles.ANALYST};

    private final MemberTags tags;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public MemberTagGraphQLApi(MemberTags tags, TenantWork work, SecurityIdentity identity) {
        this.tags = tags;
        this.work = work;
        this.identity = identity;
    }

    @Mutation
    @Description("Replace a member's tags. Audited. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull MemberTagsPayload> memberTagsSet(@NonNull MemberTagsSetInput input) {
        return work.as(identity, TAGGERS).run((tx, caller) -> GlobalId.decode(input.memberId(), Member.TYPE)
                .map(id -> tags.set(tx, caller, id, input.tags()))
                .orElseGet(() -> Uni.createFrom().item(new MemberTags.Result(null, List.of(),
                        List.of(io.animo.platform.graphql.UserError.of("input.memberId", "NOT_FOUND",
                                "No member of this tenant has this id."))))))
                .map(result -> MemberTagsPayload.of(result, input.clientMutationId()));
    }

    @Description("The member's tags, alphabetically; empty unless the caller is tenant staff or an analyst.")
    public Uni<@NonNull List<@NonNull String>> tags(@Source Member member) {
        if (!readsTags(identity)) {
            return Uni.createFrom().item(List.of());
        }
        return work.as(identity, READERS).run((tx, caller) -> tags.of(tx, GlobalId.required(member.id(), Member.TYPE)));
    }

    private static boolean readsTags(SecurityIdentity identity) {
        for (String role : READERS) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
