package io.animo.content.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.animo.content.domain.MessageActions;
import io.animo.content.domain.PostResult;
import io.animo.content.domain.ReactionResult;
import io.animo.content.domain.ReactionService;
import io.animo.content.domain.ThreadResult;
import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Edits, deletions and reactions of messages; pinning and locking of threads. */
@GraphQLApi
@GraphQLBoundary
public class MessageActionsGraphQLApi {

    private static final int MAX_HISTORY = 100;

    /** Who may write: the same roles as posting (every person of a tenant holds member). */
    private static final String[] WRITERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR, Roles.MEMBER};

    private final MessageActions actions;
    private final ReactionService reactions;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public MessageActionsGraphQLApi(MessageActions actions, ReactionService reactions, TenantWork work,
            SecurityIdentity identity) {
        this.actions = actions;
        this.reactions = reactions;
        this.work = work;
        this.identity = identity;
    }

    @Mutation
    @Description("Edit your message: the new body passes the community's rules again (REJECTED: nothing changes; HELD:"
            + " it waits for a moderator); the previous body is kept in its history. Authors only; roles: tenant-admin,"
            + " community-manager, moderator, member.")
    public Uni<@NonNull PostPayload> messageEdit(@NonNull MessageEditInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> message(input.messageId())
                .map(uuid -> actions.edit(tx, caller, uuid, input.body()))
                .orElseGet(() -> Uni.createFrom().item(PostResult.refusedNotFound("input.messageId"))))
                .map(result -> PostPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Delete your message: it stays in its thread as DELETED with an empty body (replies keep their"
            + " parent); its history and reactions go. Authors only; roles: tenant-admin, community-manager, moderator,"
            + " member.")
    public Uni<@NonNull MessageDeletePayload> messageDelete(@NonNull MessageDeleteInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> message(input.messageId())
                .map(uuid -> actions.delete(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(PostResult.refusedNotFound("input.messageId"))))
                .map(result -> MessageDeletePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("React to a published message of a community you belong to (once per kind: reacting again changes"
            + " nothing). Not while banned or muted, nor in a read-only community. Roles: tenant-admin,"
            + " community-manager, moderator, member.")
    public Uni<@NonNull ReactionPayload> messageReact(@NonNull MessageReactInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> message(input.messageId())
                .map(uuid -> reactions.react(tx, caller, uuid, input.kind()))
                .orElseGet(() -> Uni.createFrom().item(unknownMessage())))
                .map(result -> ReactionPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Take back your reaction of this kind (no reaction: nothing changes). Roles: tenant-admin,"
            + " community-manager, moderator, member.")
    public Uni<@NonNull ReactionPayload> messageUnreact(@NonNull MessageUnreactInput input) {
        return work.as(identity, WRITERS).run((tx, caller) -> message(input.messageId())
                .map(uuid -> reactions.unreact(tx, caller, uuid, input.kind()))
                .orElseGet(() -> Uni.createFrom().item(unknownMessage())))
                .map(result -> ReactionPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Pin a thread (pinned threads are listed first) or unpin it. Tenant admins, community managers and"
            + " moderators, and the community's owners and moderators; anyone else: FORBIDDEN. Audited.")
    public Uni<@NonNull ThreadPayload> threadPin(@NonNull ThreadPinInput input) {
        return work.asMember(identity).run((tx, caller) -> thread(input.threadId())
                .map(uuid -> actions.pin(tx, caller, uuid, input.pinned()))
                .orElseGet(() -> Uni.createFrom().item(unknownThread())))
                .map(result -> ThreadPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Lock a thread (nobody posts in it or edits its messages) or unlock it. Tenant admins, community"
            + " managers and moderators, and the community's owners and moderators; anyone else: FORBIDDEN. Audited.")
    public Uni<@NonNull ThreadPayload> threadLock(@NonNull ThreadLockInput input) {
        return work.asMember(identity).run((tx, caller) -> thread(input.threadId())
                .map(uuid -> actions.lock(tx, caller, uuid, input.locked()))
                .orElseGet(() -> Uni.createFrom().item(unknownThread())))
                .map(result -> ThreadPayload.of(result, input.clientMutationId()));
    }

    @Description("Reactions by kind, with whether the caller reacted (loaded for a whole page of messages at once)")
    public Uni<List<@NonNull List<@NonNull ReactionCount>>> reactions(@Source List<Message> messages) {
        Map<Message, UUID> ids = ids(messages);
        return work.asMember(identity).run((tx, caller) -> reactions.counts(tx, caller, ids.values()))
                .map(counts -> messages.stream().map(message -> counts.getOrDefault(ids.get(message), List.of()).stream()
                        .map(ReactionCount::of).toList()).toList());
    }

    @Description("Previous bodies of the message, newest first: the newest `first` of them (20 by default, at most 100;"
            + " a message keeps at most 100). Loaded for a whole page of messages at once.")
    public Uni<List<@NonNull List<@NonNull MessageRevision>>> history(@Source List<Message> messages,
            @DefaultValue("20") int first) {
        if (first < 0 || first > MAX_HISTORY) {
            return Uni.createFrom().failure(new BadRequestException("history(first:) is between 0 and " + MAX_HISTORY + "."));
        }
        Map<Message, UUID> ids = ids(messages);
        return work.asMember(identity).run((tx, caller) -> actions.history(tx, caller, ids.values(), first))
                .map(revisions -> messages.stream().map(message -> revisions.getOrDefault(ids.get(message), List.of())
                        .stream().map(MessageRevision::of).toList()).toList());
    }

    private static Map<Message, UUID> ids(List<Message> messages) {
        Map<Message, UUID> ids = new HashMap<>();
        messages.forEach(message -> message(message.id()).ifPresent(uuid -> ids.put(message, uuid)));
        return ids;
    }

    private static Optional<UUID> message(String id) {
        return GlobalId.decode(id, Message.TYPE);
    }

    private static Optional<UUID> thread(String id) {
        return GlobalId.decode(id, Thread.TYPE);
    }

    private static ReactionResult unknownMessage() {
        return new ReactionResult(null, List.of(),
                List.of(UserError.of("input.messageId", "NOT_FOUND", "No message you can see has this id.")));
    }

    private static ThreadResult unknownThread() {
        return new ThreadResult(null,
                List.of(UserError.of("input.threadId", "NOT_FOUND", "No thread you can see has this id.")));
    }
}
