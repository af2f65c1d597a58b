package io.animo.content.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.member.domain.CommunityPresence;
import io.animo.member.domain.MembershipRepository;
import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.animo.rule.domain.BacktestMessages;
import io.animo.rule.domain.RuleBacktester;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Threads and messages (with their previous bodies, the revisions), with the visibility rule in every read:
 * published (or deleted by its author, shown empty so replies keep their parent), or held but yours (or you
 * moderate). It also answers the rule feature's backtests, which replay a community's messages.
 */
@ApplicationScoped
public class ContentRepository implements BacktestMessages {

    private static final String THREADS = "threads";
    private static final String MESSAGES = "messages";
    private static final String THREAD_COLUMNS = "id, tenant_id, community_id, kind, title, author_member_id, status,"
            + " pinned, locked, created_at, updated_at, version";
    private static final int THREAD_COLUMN_COUNT = Rows.count(THREAD_COLUMNS);
    private static final String THREAD_WITH_PRESENCE = "select " + Rows.qualified("t", THREAD_COLUMNS) + ", "
            + MembershipRepository.PRESENCE_COLUMNS + " from thread t"
            + MembershipRepository.presenceJoins("t.community_id", "$3") + " where t.tenant_id = $1 and t.id = $2";
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
    public Uni<Long> recentMessages(Tx tx, UUID communityId, UUID memberId, Instant since) {
        return count(tx, "select count(*) from message where tenant_id = $1 and author_member_id = $2"
                + " and community_id = $3 and created_at >= $4", communityId, memberId, since);
    }

    /** A member's messages in one community posted or edited since an instant (slow mode counts both). */
    public Uni<Long> recentContributions(Tx tx, UUID communityId, UUID memberId, Instant since) {
        return count(tx, "select count(*) from message where tenant_id = $1 and author_member_id = $2"
                + " and community_id = $3 and (created_at >= $4 or edited_at >= $4)", communityId, memberId, since);
    }

    private static Uni<Long> count(Tx tx, String sql, UUID communityId, UUID memberId, Instant since) {
        return tx.sql().preparedQuery(sql)
                .execute(Tuple.of(tx.tenantId(), memberId, communityId, Rows.timestamp(since)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** A thread as it stands (detached: for checks, such as before posting into it). */
    public Uni<ThreadEntity> readThread(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select " + THREAD_COLUMNS + " from thread where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id))
                .map(rows -> Rows.first(rows, row -> threadFromRow(row, 0)));
    }

    /** A thread and the community presence of the person {@code subject} names, in one statement. */
    record ThreadPresence(ThreadEntity thread, CommunityPresence presence) {
    }

    /**
     * A thread as it stands, with its community, the poster's member profile and their membership there: all that
     * posting checks, in one statement (detached). The thread is null when there is none.
     */
    Uni<ThreadPresence> readThreadWithPresence(Tx tx, UUID id, String subject) {
        return tx.sql().preparedQuery(THREAD_WITH_PRESENCE)
                .execute(Tuple.of(tx.tenantId(), id, subject))
                .map(rows -> {
                    ThreadPresence found = Rows.first(rows, row -> new ThreadPresence(threadFromRow(row, 0),
                            MembershipRepository.presenceFromRow(row, THREAD_COLUMN_COUNT)));
                    return found != null ? found : new ThreadPresence(null, null);
                });
    }

    private static ThreadEntity threadFromRow(Row row, int first) {
        ThreadEntity thread = new ThreadEntity();
        thread.id = row.getUUID(first);
        thread.tenantId = row.getUUID(first + 1);
        thread.communityId = row.getUUID(first + 2);
        thread.kind = ThreadKind.valueOf(row.getString(first + 3));
        thread.title = row.getString(first + 4);
        thread.authorMemberId = row.getUUID(first + 5);
        thread.status = ContentStatus.valueOf(row.getString(first + 6));
        thread.pinned = row.getBoolean(first + 7);
        thread.locked = row.getBoolean(first + 8);
        thread.createdAt = Rows.instant(row, first + 9);
        thread.updatedAt = Rows.instant(row, first + 10);
        thread.version = row.getLong(first + 11);
        return thread;
    }

    /** A message as it stands (detached: for checks, such as the parent of a reply). */
    public Uni<MessageEntity> readMessage(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select id, tenant_id, thread_id, community_id, parent_id, author_member_id, body,"
                + " status, flagged, moderation_note, debate_side_id, created_at, updated_at, edited_at, version"
                + " from message where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id))
                .map(rows -> Rows.first(rows, row -> {
                    MessageEntity message = new MessageEntity();
                    message.id = row.getUUID(0);
                    message.tenantId = row.getUUID(1);
                    message.threadId = row.getUUID(2);
                    message.communityId = row.getUUID(3);
                    message.parentId = row.getUUID(4);
                    message.authorMemberId = row.getUUID(5);
                    message.body = row.getString(6);
                    message.status = ContentStatus.valueOf(row.getString(7));
                    message.flagged = row.getBoolean(8);
                    message.moderationNote = row.getString(9);
                    message.debateSideId = row.getUUID(10);
                    message.createdAt = Rows.instant(row, 11);
                    message.updatedAt = Rows.instant(row, 12);
                    message.editedAt = Rows.instant(row, 13);
                    message.version = row.getLong(14);
                    return message;
                }));
    }

    /** Stores a new message at once (its version 0, as Hibernate would). */
    public Uni<Void> insertMessage(Tx tx, MessageEntity message) {
        return tx.sql().preparedQuery("insert into message (id, tenant_id, thread_id, community_id, parent_id,"
                + " author_member_id, body, status, flagged, moderation_note, debate_side_id, created_at, updated_at,"
                + " edited_at, language, sentiment, sentiment_score, version)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 0)")
                .execute(Tuple.from(new Object[]{message.id, message.tenantId, message.threadId, message.communityId,
                        message.parentId, message.authorMemberId, message.body, message.status.name(), message.flagged,
                        message.moderationNote, message.debateSideId, Rows.timestamp(message.createdAt),
                        Rows.timestamp(message.updatedAt), Rows.timestamp(message.editedAt), message.language,
                        message.sentiment == null ? null : message.sentiment.name(), message.sentimentScore}))
                .replaceWithVoid();
    }

    /** Stores a new thread and its opening message at once (Hibernate: they stay managed in this unit). */
    public Uni<Void> persistThread(ThreadEntity thread, MessageEntity opening) {
        return Panache.getSession()
                .chain(session -> session.persist(thread).chain(() -> session.persist(opening)).chain(session::flush));
    }

    /** Writes the changes of the managed threads and messages (and anything else the session holds) now. */
    public Uni<Void> flush() {
        return Panache.getSession().chain(session -> session.flush());
    }

    /** The number the next previous body of a message takes: one more than its last, 1 for the first edit. */
    public Uni<Integer> nextRevision(MessageEntity message) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select coalesce(max(revision), 0) from MessageRevisionEntity where tenantId = :tenant and messageId = :message",
                Integer.class).setParameter("tenant", message.tenantId).setParameter("message", message.id)
                .getSingleResult()).map(last -> last + 1);
    }

    /** Stores a previous body of a message at once. */
    public Uni<Void> persistRevisionAndFlush(MessageRevisionEntity revision) {
        return Panache.getSession().chain(session -> session.persist(revision).chain(session::flush));
    }

    /** Deletes every previous body of a message. */
    public Uni<Integer> deleteRevisions(UUID tenantId, UUID messageId) {
        return Panache.getSession().chain(session -> session.createMutationQuery(
                "delete from MessageRevisionEntity where tenantId = :tenant and messageId = :message")
                .setParameter("tenant", tenantId).setParameter("message", messageId).executeUpdate());
    }

    /** The newest {@code limit} previous bodies of each of these messages, newest first, in one query. */
    public Uni<List<MessageRevisionEntity>> revisions(UUID tenantId, Collection<UUID> messageIds, int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from MessageRevisionEntity r where r.tenantId = :tenant and r.messageId in :ids"
                        + " and r.revision > (select coalesce(max(x.revision), 0) - :limit"
                        + " from MessageRevisionEntity x where x.tenantId = r.tenantId and x.messageId = r.messageId)"
                        + " order by r.revision desc",
                MessageRevisionEntity.class).setParameter("tenant", tenantId)
                .setParameter("ids", messageIds).setParameter("limit", limit).getResultList());
    }

    /** Published replies per debate side in these threads: what every member can read. */
    public Uni<Map<UUID, Long>> publishedRepliesPerSide(UUID tenantId, List<UUID> threadIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select m.debateSideId, count(*)"
                + " from MessageEntity m"
                + " where m.tenantId = :tenant and m.threadId in :ids and m.debateSideId is not null"
                + " and m.status = :published group by m.debateSideId", Object[].class)
                .setParameter("tenant", tenantId).setParameter("ids", threadIds)
                .setParameter("published", ContentStatus.PUBLISHED).getResultList()
                .map(rows -> {
                    Map<UUID, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
                    return counts;
                }));
    }

    @Override
    public Uni<List<RuleBacktester.Row>> newestFirst(UUID tenantId, UUID communityId, Instant since,
            RuleBacktester.Row after, int size) {
        String hql = "select new " + RuleBacktester.Row.class.getName()
                + "(m.id, m.threadId, m.body, cast(m.status as String), m.createdAt, a.createdAt)"
                + " from MessageEntity m join MemberEntity a on a.tenantId = m.tenantId and a.id = m.authorMemberId"
                + " where m.tenantId = :tenant and m.communityId = :community and m.createdAt >= :since"
                + " and cast(m.status as String) <> 'DELETED'"
                + (after == null ? "" : " and (m.createdAt < :at or (m.createdAt = :at and m.id < :id))")
                + " order by m.createdAt desc, m.id desc";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, RuleBacktester.Row.class).setParameter("tenant", tenantId)
                    .setParameter("community", communityId).setParameter("since", since).setMaxResults(size);
            if (after != null) {
                query.setParameter("at", after.createdAt()).setParameter("id", after.id());
            }
            return query.getResultList();
        });
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
                    .setParameter("seesHeld", seesHeld).setParameter("me", me == null ? GlobalId.NONE : me)
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
