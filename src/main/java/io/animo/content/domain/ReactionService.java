package io.animo.content.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reactions: members in good standing of a writable community react to published messages they can see,
 * at most once per kind; taking one back is always allowed. Counts are read for many messages at once.
 */
@ApplicationScoped
public class ReactionService {

    private final UnitOfWork unitOfWork;
    private final ContentRepository content;
    private final ContentService posting;

    public ReactionService(UnitOfWork unitOfWork, ContentRepository content, ContentService posting) {
        this.unitOfWork = unitOfWork;
        this.content = content;
        this.posting = posting;
    }

    /** Idempotent: reacting twice with the same kind keeps one reaction (and one activity). */
    public Uni<ReactionResult> react(Caller caller, UUID messageId, ReactionKind kind) {
        if (kind == null) {
            return Uni.createFrom().item(ReactionResult.refused("input.kind", "REQUIRED", "Say how you react."));
        }
        // two identical requests racing: the loser's insert fails on the key, and a second look finds the winner's row
        return addOnce(caller, messageId, kind).onFailure(failure -> Constraints.isUniqueViolation(failure, null))
                .recoverWithUni(() -> addOnce(caller, messageId, kind));
    }

    private Uni<ReactionResult> addOnce(Caller caller, UUID messageId, ReactionKind kind) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> reactable(caller, messageId).chain(found -> {
            if (found.problem() != null) {
                return Uni.createFrom().item(found.problem());
            }
            MessageEntity message = found.message();
            return posting.author(caller, message.communityId, false).chain(check -> {
                if (check.userErrors() != null) {
                    return Uni.createFrom().item(ReactionResult.refused(check.userErrors().userErrors().stream()
                            .map(error -> UserError.of("input.messageId", error.code(), error.message())).toList()));
                }
                UUID me = check.author().member().id;
                return Panache.getSession().chain(session -> session.find(MessageReactionEntity.class, key(message, me, kind))
                        .chain(existing -> existing != null
                                ? Uni.createFrom().voidItem()
                                : add(message, me, kind)))
                        .chain(() -> result(message, me));
            });
        }));
    }

    private Uni<Void> add(MessageEntity message, UUID me, ReactionKind kind) {
        Instant now = DbTime.now();
        MessageReactionEntity reaction = new MessageReactionEntity();
        reaction.tenantId = message.tenantId;
        reaction.messageId = message.id;
        reaction.memberId = me;
        reaction.kind = kind;
        reaction.createdAt = now;
        return Panache.getSession().chain(session -> session.persist(reaction).chain(session::flush))
                .chain(() -> Activities.record(message.tenantId, message.communityId, me, ActivityKind.REACTION_ADDED, now));
    }

    /** Taking a reaction back needs no good standing; a reaction that is not there is already taken back. */
    public Uni<ReactionResult> unreact(Caller caller, UUID messageId, ReactionKind kind) {
        if (kind == null) {
            return Uni.createFrom().item(ReactionResult.refused("input.kind", "REQUIRED", "Say which reaction to take back."));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> reactable(caller, messageId).chain(found -> {
            if (found.problem() != null) {
                return Uni.createFrom().item(found.problem());
            }
            MessageEntity message = found.message();
            UUID me = found.me();
            Uni<Integer> removed = me == null
                    ? Uni.createFrom().item(0)
                    : Panache.getSession().chain(session -> session.createMutationQuery(
                            "delete from MessageReactionEntity where tenantId = :tenant and messageId = :message"
                                    + " and memberId = :member and kind = :kind")
                            .setParameter("tenant", tenant).setParameter("message", message.id).setParameter("member", me)
                            .setParameter("kind", kind).executeUpdate());
            return removed.chain(ignored -> result(message, me));
        }));
    }

    private record Reactable(MessageEntity message, UUID me, ReactionResult problem) {
    }

    private Uni<Reactable> reactable(Caller caller, UUID messageId) {
        UUID tenant = caller.tenantId();
        return content.message(tenant, messageId).chain(message -> posting.me(caller).map(me -> {
            if (message == null || !ContentRepository.visible(message, me, ContentService.seesHeld(caller))) {
                return new Reactable(null, me, ReactionResult.refused("input.messageId", "NOT_FOUND",
                        "No message you can see has this id."));
            }
            if (message.status == ContentStatus.DELETED) {
                return new Reactable(null, me, ReactionResult.refused("input.messageId", "DELETED",
                        "This message was deleted."));
            }
            if (message.status != ContentStatus.PUBLISHED) {
                return new Reactable(null, me, ReactionResult.refused("input.messageId", "NOT_PUBLISHED",
                        "Only published messages take reactions."));
            }
            return new Reactable(message, me, null);
        }));
    }

    private Uni<ReactionResult> result(MessageEntity message, UUID me) {
        return counts(message.tenantId, me, List.of(message.id))
                .map(counts -> new ReactionResult(message, counts.getOrDefault(message.id, List.of()), List.of()));
    }

    /** Reaction counts of many messages, for the caller, in one unit of work. */
    public Uni<Map<UUID, List<ReactionTally>>> counts(Caller caller, Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> posting.me(caller).chain(me -> counts(tenant, me, messageIds)));
    }

    /** One grouped query; kinds in their declared order, only those with at least one reaction. */
    private static Uni<Map<UUID, List<ReactionTally>>> counts(UUID tenant, UUID me, Collection<UUID> messageIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select messageId, kind, count(*), sum(case when memberId = :me then 1 else 0 end)"
                        + " from MessageReactionEntity where tenantId = :tenant and messageId in :ids group by messageId, kind",
                Object[].class)
                .setParameter("tenant", tenant).setParameter("ids", messageIds)
                .setParameter("me", me == null ? new UUID(0, 0) : me)
                .getResultList()).map(rows -> {
                    Map<UUID, List<ReactionTally>> byMessage = new HashMap<>();
                    for (Object[] row : rows) {
                        byMessage.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new ReactionTally(
                                (ReactionKind) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).longValue() > 0));
                    }
                    byMessage.values().forEach(list -> list.sort(Comparator.comparing(ReactionTally::kind)));
                    return byMessage;
                });
    }

    private static MessageReactionEntity.Key key(MessageEntity message, UUID me, ReactionKind kind) {
        MessageReactionEntity.Key key = new MessageReactionEntity.Key();
        key.tenantId = message.tenantId;
        key.messageId = message.id;
        key.memberId = me;
        key.kind = kind;
        return key;
    }
}
