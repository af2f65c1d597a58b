package io.animo.content.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Threads and messages, with the visibility rule in every read: published (or deleted by its author, shown
 * empty so replies keep their parent), or held but yours (or you moderate).
 */
@ApplicationScoped
public class ContentRepository {

    private static final String THREADS = "threads";
    private static final String MESSAGES = "messages";
    private static final String VISIBLE = "(status in ('PUBLISHED', 'DELETED') or :seesHeld = true or (authorMemberId = :me and status = 'HELD'))";

    public Uni<ThreadEntity> thread(UUID tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "from ThreadEntity where tenantId = :tenant and id = :id", ThreadEntity.class)
                .setParameter("tenant", tenantId).setParameter("id", id).getSingleResultOrNull());
    }

    public Uni<MessageEntity> message(UUID tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "from MessageEntity where tenantId = :tenant and id = :id", MessageEntity.class)
                .setParameter("tenant", tenantId).setParameter("id", id).getSingleResultOrNull());
    }

    /** Messages by id (unknown ids left out). */
    public Uni<List<MessageEntity>> messages(UUID tenantId, Collection<UUID> ids) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "from MessageEntity where tenantId = :tenant and id in :ids", MessageEntity.class)
                .setParameter("tenant", tenantId).setParameter("ids", ids).getResultList());
    }

    /** A member's messages in one community since an instant (slow mode and flood rules are per community). */
    public Uni<Long> recentMessages(UUID tenantId, UUID communityId, UUID memberId, Instant since) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select count(*) from MessageEntity"
                + " where tenantId = :tenant and authorMemberId = :member and communityId = :community and createdAt >= :since",
                Long.class).setParameter("tenant", tenantId).setParameter("member", memberId)
                .setParameter("community", communityId).setParameter("since", since)
                .getSingleResult());
    }

    /** A member's messages in one community posted or edited since an instant (slow mode counts both). */
    public Uni<Long> recentContributions(UUID tenantId, UUID communityId, UUID memberId, Instant since) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select count(*) from MessageEntity"
                + " where tenantId = :tenant and authorMemberId = :member and communityId = :community"
                + " and (createdAt >= :since or editedAt >= :since)",
                Long.class).setParameter("tenant", tenantId).setParameter("member", memberId)
                .setParameter("community", communityId).setParameter("since", since)
                .getSingleResult());
    }

    /** Threads of a community, pinned ones first, then newest first. */
    public Uni<List<ThreadEntity>> threads(UUID tenantId, UUID communityId, UUID me, boolean seesHeld, PageRequest page) {
        return keyset(ThreadEntity.class, "communityId = :scope", tenantId, communityId, me, seesHeld, page, false, true);
    }

    /** Messages of a thread, oldest first. */
    public Uni<List<MessageEntity>> messages(UUID tenantId, UUID threadId, UUID me, boolean seesHeld, PageRequest page) {
        return keyset(MessageEntity.class, "threadId = :scope", tenantId, threadId, me, seesHeld, page, true, false);
    }

    /** Whether someone sees a message: the same rule as {@link #VISIBLE}. */
    public static boolean visible(MessageEntity message, UUID me, boolean seesHeld) {
        return message.status == ContentStatus.PUBLISHED || message.status == ContentStatus.DELETED || seesHeld
                || (message.status == ContentStatus.HELD && message.authorMemberId.equals(me));
    }

    /** Whether someone sees a thread: the same rule as {@link #VISIBLE}. */
    public static boolean visible(ThreadEntity thread, UUID me, boolean seesHeld) {
        return thread.status == ContentStatus.PUBLISHED || seesHeld
                || (thread.status == ContentStatus.HELD && thread.authorMemberId.equals(me));
    }

    private <T> Uni<List<T>> keyset(Class<T> type, String scope, UUID tenantId, UUID scopeId, UUID me, boolean seesHeld,
            PageRequest page, boolean oldestFirst, boolean pinnedFirst) {
        String ordering = pinnedFirst ? THREADS : MESSAGES;
        TimeKeyset order = oldestFirst
                ? TimeKeyset.oldestFirst(page, ordering, "createdAt", "id")
                : TimeKeyset.newestFirst(page, ordering, "createdAt", "id");
        boolean ascending = order.ascending();
        Cursor cursor = order.cursor();
        SortKey at = cursor == null ? null : SortKey.of(cursor, pinnedFirst);
        String keyset = order.condition();
        if (at != null && pinnedFirst) {
            // pinned (true) rows come first: scanning down the order leaves them, scanning up reaches them
            boolean leavingPinned = !ascending;
            keyset = at.pinned() == leavingPinned
                    ? "(pinned = " + !at.pinned() + " or (pinned = " + at.pinned() + " and " + keyset + "))"
                    : "(pinned = " + at.pinned() + " and " + keyset + ")";
        }
        String hql = "from " + type.getSimpleName() + " where tenantId = :tenant and " + scope + " and " + VISIBLE
                + (cursor == null ? "" : " and " + keyset)
                + " order by " + (pinnedFirst ? "pinned " + (ascending ? "asc" : "desc") + ", " : "") + order.orderBy();
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(hql, type)
                    .setParameter("tenant", tenantId).setParameter("scope", scopeId)
                    .setParameter("seesHeld", seesHeld).setParameter("me", me == null ? new UUID(0, 0) : me)
                    .setMaxResults(page.fetchSize());
            if (cursor != null) {
                query.setParameter("at", at.createdAt()).setParameter("cursorId", cursor.id());
            }
            return query.getResultList();
        });
    }

    public static Cursor cursorOf(MessageEntity message) {
        return TimeKeyset.cursorOf(MESSAGES, message.createdAt, message.id);
    }

    /** A thread's place in its community's list: pinned first, then newest first. */
    public static Cursor cursorOf(ThreadEntity thread) {
        return new Cursor(THREADS, (thread.pinned ? "P|" : "-|") + thread.createdAt, thread.id);
    }

    private record SortKey(boolean pinned, Instant createdAt) {

        static SortKey of(Cursor cursor, boolean pinnedFirst) {
            if (!pinnedFirst) {
                return new SortKey(false, cursor.sortInstant());
            }
            String[] parts = cursor.sortParts(2);
            if (!(parts[0].equals("P") || parts[0].equals("-"))) {
                throw new BadRequestException("The cursor does not belong to this ordering.");
            }
            return new SortKey(parts[0].equals("P"), new Cursor(THREADS, parts[1], cursor.id()).sortInstant());
        }
    }
}
