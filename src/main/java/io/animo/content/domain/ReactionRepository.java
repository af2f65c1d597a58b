package io.animo.content.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.GlobalId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Members' reactions to messages (at most one per member, message and kind). Each query filters by tenant. */
@ApplicationScoped
public class ReactionRepository implements PanacheRepositoryBase<MessageReactionEntity, MessageReactionEntity.Key> {

    /** The member's reaction of this kind to the message; null when there is none. */
    public Uni<MessageReactionEntity> findReaction(MessageEntity message, UUID memberId, ReactionKind kind) {
        MessageReactionEntity.Key key = new MessageReactionEntity.Key();
        key.tenantId = message.tenantId;
        key.messageId = message.id;
        key.memberId = memberId;
        key.kind = kind;
        return Panache.getSession().chain(session -> session.find(MessageReactionEntity.class, key));
    }

    /** Takes the member's reaction of this kind back; the number of rows deleted (0 when there was none). */
    public Uni<Integer> withdraw(UUID tenantId, UUID messageId, UUID memberId, ReactionKind kind) {
        return Panache.getSession().chain(session -> session.createMutationQuery(
                "delete from MessageReactionEntity where tenantId = :tenant and messageId = :message"
                        + " and memberId = :member and kind = :kind")
                .setParameter("tenant", tenantId).setParameter("message", messageId)
                .setParameter("member", memberId).setParameter("kind", kind).executeUpdate());
    }

    /** Deletes every reaction to a message. */
    public Uni<Integer> deleteOfMessage(UUID tenantId, UUID messageId) {
        return Panache.getSession().chain(session -> session.createMutationQuery(
                "delete from MessageReactionEntity where tenantId = :tenant and messageId = :message")
                .setParameter("tenant", tenantId).setParameter("message", messageId).executeUpdate());
    }

    /**
     * Reaction counts of many messages, and whether {@code me} (may be null) reacted, in one grouped query; kinds
     * in their declared order, only those with at least one reaction.
     */
    public Uni<Map<UUID, List<ReactionTally>>> tallies(UUID tenantId, UUID me, Collection<UUID> messageIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select messageId, kind, count(*), sum(case when memberId = :me then 1 else 0 end)"
                        + " from MessageReactionEntity where tenantId = :tenant and messageId in :ids group by messageId, kind",
                Object[].class)
                .setParameter("tenant", tenantId).setParameter("ids", messageIds)
                .setParameter("me", me == null ? GlobalId.NONE : me)
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
}
