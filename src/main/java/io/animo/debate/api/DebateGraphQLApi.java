package io.animo.debate.api;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.animo.content.api.PostPayload;
import io.animo.content.api.Thread;
import io.animo.content.domain.PostResult;
import io.animo.content.domain.ThreadKind;
import io.animo.debate.domain.DebateService;
import io.animo.debate.domain.PollResult;
import io.animo.debate.domain.PollService;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class DebateGraphQLApi {

    /** Sparking debates is the community team's job. */
    private static final String[] DEBATE_STARTERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};
    /** Who may post, as for any thread. */
    private static final String[] POSTERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR, Roles.MEMBER};
    private static final String THREAD = "Thread";

    private final DebateService debates;
    private final PollService polls;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public DebateGraphQLApi(DebateService debates, PollService polls, TenantWork work, SecurityIdentity identity) {
        this.debates = debates;
        this.polls = polls;
        this.work = work;
        this.identity = identity;
    }

    @Mutation
    @Description("Start a debate in a community you joined: a DEBATE thread whose first message is the opening statement"
            + " (it passes the community's rules), with optional sides and a window when replies are open."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull PostPayload> debateCreate(@NonNull DebateCreateInput input) {
        return work.as(identity, DEBATE_STARTERS).run((tx, caller) -> GlobalId.decode(input.communityId(), "Community")
                .map(uuid -> debates.create(tx, caller, uuid, input.title(), input.theme(), input.openingStatement(),
                        input.sides(), input.opensAt(), input.closesAt()))
                .orElseGet(() -> Uni.createFrom().item(unknownCommunity())))
                .map(result -> PostPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Ask a question in a community you joined: a POLL thread whose first message is the question (it passes"
            + " the community's rules), with 2 to 20 options, open until closesAt."
            + " Roles: tenant-admin, community-manager, moderator, member.")
    public Uni<@NonNull PostPayload> pollCreate(@NonNull PollCreateInput input) {
        return work.as(identity, POSTERS).run((tx, caller) -> GlobalId.decode(input.communityId(), "Community")
                .map(uuid -> polls.create(tx, caller, uuid, input.title(), input.question(), input.options(),
                        Boolean.TRUE.equals(input.multipleChoice()), input.closesAt()))
                .orElseGet(() -> Uni.createFrom().item(unknownCommunity())))
                .map(result -> PostPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Vote in an open poll of a community you belong to (not banned or muted); a new vote replaces your"
            + " earlier one. Roles: tenant-admin, community-manager, moderator, member.")
    public Uni<@NonNull PollPayload> pollVote(@NonNull PollVoteInput input) {
        List<UUID> options = input.optionIds().stream()
                .map(id -> GlobalId.required(id, PollOption.TYPE)).toList();
        return work.as(identity, POSTERS).run((tx, caller) -> GlobalId.decode(input.threadId(), THREAD)
                .map(uuid -> polls.vote(tx, caller, uuid, options))
                .orElseGet(() -> Uni.createFrom().item(new PollResult(null,
                        List.of(UserError.of("input.threadId", "NOT_FOUND", "No poll of this tenant has this id."))))))
                .map(result -> PollPayload.of(result, input.clientMutationId()));
    }

    @Description("The debate of a DEBATE thread; null for other kinds.")
    public Uni<List<Debate>> debate(@Source List<Thread> threads) {
        Instant now = Instant.now();
        return batch(threads, ThreadKind.DEBATE, debates::debates, view -> Debate.of(view, now));
    }

    @Description("The poll of a POLL thread, with its results; null for other kinds.")
    public Uni<List<Poll>> poll(@Source List<Thread> threads) {
        Instant now = Instant.now();
        return batch(threads, ThreadKind.POLL, polls::polls, view -> Poll.of(view, now));
    }

    /** One load for the whole page of threads, and none at all when no thread is of this kind. */
    private <V, T> Uni<List<T>> batch(List<Thread> threads, ThreadKind kind,
            Load<V> load, Function<V, T> map) {
        List<Optional<UUID>> ids = threads.stream()
                .map(t -> t.kind() == kind ? GlobalId.decode(t.id(), THREAD) : Optional.<UUID>empty()).toList();
        List<UUID> wanted = ids.stream().flatMap(Optional::stream).distinct().toList();
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Collections.nCopies(ids.size(), null));
        }
        return work.asMember(identity).run((tx, caller) -> load.views(tx, caller, wanted))
                .map(views -> ids.stream().map(id -> id.map(views::get).map(map).orElse(null)).toList());
    }

    /** The views of a kind of thread, by thread id, for a caller. */
    @FunctionalInterface
    private interface Load<V> {
        Uni<Map<UUID, V>> views(Tx tx, Caller caller, List<UUID> threadIds);
    }

    private static PostResult unknownCommunity() {
        return new PostResult(null, null, null, List.of(),
                List.of(UserError.of("input.communityId", "NOT_FOUND", "No community of this tenant has this id.")));
    }
}
