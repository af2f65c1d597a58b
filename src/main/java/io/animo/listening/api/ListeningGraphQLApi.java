package io.animo.listening.api;

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

import io.animo.listening.domain.ListeningService;
import io.animo.listening.domain.NewSource;
import io.animo.listening.domain.SourceOrder;
import io.animo.listening.domain.SourceResult;
import io.animo.listening.domain.SourceStatus;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class ListeningGraphQLApi {

    private static final String[] MANAGERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};
    private static final String[] READERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST};

    private final ListeningService listening;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public ListeningGraphQLApi(ListeningService listening, TenantWork work, SecurityIdentity identity) {
        this.listening = listening;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("The tenant's listened-to sources ranked by their mentions of [from, to) (default: the last 30"
            + " days), at most 100. Roles: tenant-admin, community-manager, analyst.")
    public Uni<@NonNull List<@NonNull ListeningSourceView>> listeningSources(
            @DefaultValue("VOLUME") SourceOrder orderBy, Instant from, Instant to, @DefaultValue("50") int first) {
        return work.as(identity, READERS).run((tx, caller) -> listening.ranked(tx, orderBy, from, to, first))
                .map(found -> found.stream().map(ListeningSourceView::of).toList());
    }

    @Query
    @Description("A listened-to source (mentions of the last 30 days); null when the tenant has none with this id.")
    public Uni<ListeningSourceView> listeningSource(@NonNull @Id String id) {
        return work.as(identity, READERS).run((tx, caller) -> decode(id).map(uuid -> listening.get(tx, uuid))
                .orElseGet(() -> Uni.createFrom().nullItem())).map(ListeningSourceView::of);
    }

    @Description("The source's latest mentions, newest first (at most 100).")
    public Uni<@NonNull List<@NonNull ListeningMentionView>> latestMentions(@Source ListeningSourceView source,
            @DefaultValue("20") int first) {
        UUID id = GlobalId.required(source.id(), ListeningSourceView.TYPE);
        return work.as(identity, READERS).run((tx, caller) -> listening.mentions(tx, id, first))
                .map(found -> found.stream().map(ListeningMentionView::of).toList());
    }

    @Description("The source's fetch log, newest first (the last 50 are kept).")
    public Uni<@NonNull List<@NonNull ListeningFetchView>> fetches(@Source ListeningSourceView source,
            @DefaultValue("20") int first) {
        UUID id = GlobalId.required(source.id(), ListeningSourceView.TYPE);
        return work.as(identity, READERS).run((tx, caller) -> listening.fetches(tx, id, first))
                .map(found -> found.stream().map(ListeningFetchView::of).toList());
    }

    @Mutation
    @Description("Listen to a source. A feed's URL must be public (no private network). A WEBHOOK source gets a"
            + " signing secret, shown once. Audited. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull ListeningSourcePayload> listeningSourceAdd(@NonNull ListeningSourceAddInput input) {
        Optional<UUID> community = GlobalId.decode(input.communityId(), "Community");
        if (community.isEmpty()) {
            return Uni.createFrom().item(ListeningSourcePayload.of(SourceResult.refused("input.communityId",
                    "NOT_FOUND", "No community of this tenant has this id."), input.clientMutationId()));
        }
        NewSource source = new NewSource(input.kind(), input.name(), input.url(), input.handle(), community.get(),
                input.language(), input.tags(), input.reach(), input.pollIntervalMinutes());
        return work.as(identity, MANAGERS).caller()
                .chain(ignored -> listening.urlProblem(source))
                .chain(problem -> work.as(identity, MANAGERS).run((tx, caller) -> listening.add(tx, caller, source,
                        problem)))
                .map(result -> ListeningSourcePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Stop polling a source, or refusing its pushes. Audited. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull ListeningSourcePayload> listeningSourcePause(@NonNull ListeningSourceIdInput input) {
        return setStatus(input, SourceStatus.PAUSED);
    }

    @Mutation
    @Description("Listen to a paused source again (a feed is polled at once). Audited. Roles: tenant-admin,"
            + " community-manager.")
    public Uni<@NonNull ListeningSourcePayload> listeningSourceResume(@NonNull ListeningSourceIdInput input) {
        return setStatus(input, SourceStatus.ACTIVE);
    }

    @Mutation
    @Description("Poll a feed now rather than at its next interval. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull ListeningSourcePayload> listeningSourcePoll(@NonNull ListeningSourceIdInput input) {
        return work.as(identity, MANAGERS).run((tx, caller) -> decode(input.id())
                .map(uuid -> listening.pollSoon(tx, caller, uuid)).orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> ListeningSourcePayload.of(result, input.clientMutationId()));
    }

    private Uni<ListeningSourcePayload> setStatus(ListeningSourceIdInput input, SourceStatus status) {
        return work.as(identity, MANAGERS).run((tx, caller) -> decode(input.id())
                .map(uuid -> listening.setStatus(tx, caller, uuid, status))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> ListeningSourcePayload.of(result, input.clientMutationId()));
    }

    private static Optional<UUID> decode(String id) {
        return GlobalId.decode(id, ListeningSourceView.TYPE);
    }

    private static SourceResult unknown() {
        return SourceResult.refused("input.id", "NOT_FOUND", "No listening source of this tenant has this id.");
    }
}
