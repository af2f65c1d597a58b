package io.animo.metrics.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.metrics.domain.Granularity;
import io.animo.metrics.domain.TrackedTermService;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class TrackedTermGraphQLApi {

    /** Who follows products and brands: staff and analysts (marketing, communication, management). */
    private static final String[] FOLLOWERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST};

    private final TrackedTermService terms;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public TrackedTermGraphQLApi(TrackedTermService terms, TenantWork work, SecurityIdentity identity) {
        this.terms = terms;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("The terms the tenant tracks (at most 100), alphabetically. Roles: tenant-admin, community-manager,"
            + " moderator, analyst.")
    public Uni<@NonNull List<@NonNull TrackedTermView>> trackedTerms() {
        return work.as(identity, MetricsGraphQLApi.READERS).run((tx, caller) -> terms.list(tx))
                .map(found -> found.stream().map(TrackedTermView::of).toList());
    }

    @Query
    @Description("Mentions of a tracked term per bucket of [from, to), with their sentiment, across the tenant's"
            + " communities and ingested mentions (or in one community); null when the tenant has no such term."
            + " Roles: tenant-admin, community-manager, moderator, analyst.")
    public Uni<TermMentionSeries> trackedTermMentions(@NonNull @Id String termId, @Id String communityId,
            @NonNull Instant from, @NonNull Instant to, @NonNull Granularity granularity,
            @DefaultValue("UTC") String timeZone) {
        UUID community = GlobalId.optional(communityId, MetricsGraphQLApi.COMMUNITY);
        return work.as(identity, MetricsGraphQLApi.READERS).run((tx, caller) -> GlobalId.decode(termId, TrackedTermView.TYPE)
                .map(id -> terms.mentions(tx, id, community, from, to, granularity, timeZone))
                .orElseGet(() -> Uni.createFrom().nullItem()))
                .map(series -> TermMentionSeries.of(series, communityId, granularity, timeZone));
    }

    @Mutation
    @Description("Track a term: the mentions of the past 400 days are found at once, new ones as they come. Audited."
            + " Roles: tenant-admin, community-manager, analyst.")
    public Uni<@NonNull TrackedTermPayload> trackedTermAdd(@NonNull TrackedTermAddInput input) {
        return work.as(identity, FOLLOWERS).run((tx, caller) -> terms.add(tx, caller, input.term()))
                .map(result -> TrackedTermPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Stop tracking a term; its mentions go with it. Audited. Roles: tenant-admin, community-manager, analyst.")
    public Uni<@NonNull TrackedTermPayload> trackedTermRemove(@NonNull TrackedTermRemoveInput input) {
        return work.as(identity, FOLLOWERS).run((tx, caller) -> GlobalId.decode(input.id(), TrackedTermView.TYPE)
                .map(id -> terms.remove(tx, caller, id))
                .orElseGet(() -> Uni.createFrom().item(new TrackedTermService.Result(null, List.of(
                        UserError.of("input.id", "NOT_FOUND",
                                "No tracked term of this tenant has this id."))))))
                .map(result -> TrackedTermPayload.of(result, input.clientMutationId()));
    }
}
