package io.animo.content.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.content.domain.ContentService.FoundMessage;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Reactions: members in good standing of a writable community react to published messages they can see,
 * at most once per kind; taking one back is always allowed. Counts are read for many messages at once.
 */
@ApplicationScoped
public class ReactionService {

    private final ContentRepository content;
    private final ReactionRepository reactions;
    private final ContentService posting;
    private final CommunityGate gate;

    public ReactionService(ContentRepository content, ReactionRepository reactions, ContentService posting,
            CommunityGate gate) {
        this.content = content;
        this.reactions = reactions;
        this.posting = posting;
        this.gate = gate;
    }

    /** Idempotent: reacting twice with the same kind keeps one reaction (and one activity). */
    public Uni<ReactionResult> react(Tx tx, Caller caller, UUID messageId, ReactionKind kind) {
        if (kind == null) {
            return Uni.createFrom().item(ReactionResult.refused("input.kind", "REQUIRED", "Say how you react."));
        }
        // two identical requests racing: the loser's insert fails on the key, and a second look finds the winner's row
        tx.retry(failure -> Constraints.isUniqueViolation(failure, null), again -> addOnce(again, caller, messageId, kind));
        return addOnce(tx, caller, messageId, kind);
    }

    private Uni<ReactionResult> addOnce(Tx tx, Caller caller, UUID messageId, ReactionKind kind) {
        return reactable(tx, caller, messageId).chain(found -> {
            if (found.problem() != null) {
                return Uni.createFrom().item(ReactionResult.refused(List.of(found.problem())));
            }
            MessageEntity message = found.message();
            return gate.checkAs(tx, caller, found.access().member(), message.communityId, CommunityAction.REACT,
                    "input.messageId").chain(access -> {
                        if (!access.allowed()) {
                            return Uni.createFrom().item(ReactionResult.refused(List.of(access.refusal())));
                        }
                        UUID me = access.member().id;
                        return reactions.findReaction(message, me, kind)
                                .chain(existing -> existing != null
                                        ? Uni.createFrom().voidItem()
                                        : add(tx, message, me, kind))
                                .chain(() -> result(message, me));
                    });
        });
    }

    private Uni<Void> add(Tx tx, MessageEntity message, UUID me, ReactionKind kind) {
        Instant now = DbTime.now();
        MessageReactionEntity reaction = new MessageReactionEntity();
        reaction.tenantId = message.tenantId;
        reaction.messageId = message.id;
        reaction.memberId = me;
        reaction.kind = kind;
        reaction.createdAt = now;
        return reactions.persistAndFlush(reaction)
                .chain(() -> Activities.record(tx, message.communityId, me, ActivityKind.REACTION_ADDED, now));
    }

    /**
     * Taking a reaction back needs no good standing, but the message must be one the caller may read, in a
     * community that still changes; a reaction that is not there is already taken back.
     */
    public Uni<ReactionResult> unreact(Tx tx, Caller caller, UUID messageId, ReactionKind kind) {
        if (kind == null) {
            return Uni.createFrom().item(ReactionResult.refused("input.kind", "REQUIRED", "Say which reaction to take back."));
        }
        UUID tenant = caller.tenantId();
        return posting.readableMessage(tx, caller, messageId, CommunityAction.WITHDRAW)
                .chain(found -> {
                    if (found.problem() != null) {
                        return Uni.createFrom().item(ReactionResult.refused(List.of(found.problem())));
                    }
                    MessageEntity message = found.message();
                    UUID me = found.access().member() == null ? null : found.access().member().id;
                    Uni<Integer> removed = me == null
                            ? Uni.createFrom().item(0)
                            : reactions.withdraw(tenant, message.id, me, kind);
                    return removed.chain(ignored -> result(message, me));
                });
    }

    /** A published message the caller may read; deleted and unpublished ones take no reactions. */
    private Uni<FoundMessage> reactable(Tx tx, Caller caller, UUID messageId) {
        return posting.readableMessage(tx, caller, messageId, CommunityAction.READ).map(found -> {
            if (found.problem() != null) {
                return found;
            }
            if (found.message().status == ContentStatus.DELETED) {
                return new FoundMessage(null, found.access(), UserError.of("input.messageId", "DELETED",
                        "This message was deleted."));
            }
            if (found.message().status != ContentStatus.PUBLISHED) {
                return new FoundMessage(null, found.access(), UserError.of("input.messageId", "NOT_PUBLISHED",
                        "Only published messages take reactions."));
            }
            return found;
        });
    }

    private Uni<ReactionResult> result(MessageEntity message, UUID me) {
        return reactions.tallies(message.tenantId, me, List.of(message.id))
                .map(counts -> new ReactionResult(message, counts.getOrDefault(message.id, List.of()), List.of()));
    }

    /**
     * Reaction counts of many messages, for the caller, in one unit of work: only of the messages the caller
     * may read (a page of a connection, or a message a mutation returned), whatever ids are asked for.
     */
    public Uni<Map<UUID, List<ReactionTally>>> counts(Tx tx, Caller caller, Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID tenant = caller.tenantId();
        return posting.readableMessages(tx, caller, messageIds)
                .chain(readable -> readable.ids().isEmpty()
                        ? Uni.createFrom().item(Map.<UUID, List<ReactionTally>>of())
                        : reactions.tallies(tenant, readable.me(), readable.ids()));
    }
}
