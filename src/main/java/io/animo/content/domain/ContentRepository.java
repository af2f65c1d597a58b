package io.animo.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Threads and messages, with the visibility rule in every read: published, or held but yours (or you moderate). */
@ApplicationScoped
public class ContentRepository {

    private static final String VISIBLE = "(status = 'PUBLISHED' or :seesHeld = true or (authorMemberId = :me and status = 'HELD'))";

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

    public Uni<Long> recentMessages(UUID tenantId, UUID memberId, Instant since) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select count(*) from MessageEntity where tenantId = :tenant and authorMemberId = :member and createdAt >= :since",
                Long.class).setParameter("tenant", tenantId).setParameter("member", memberId).setParameter("since", since)
                .getSingleResult());
    }

    /** Threads of a community, newest first. */
    public Uni<List<ThreadEntity>> threads(UUID tenantId, UUID communityId, UUID me, boolean seesHeld, PageRequest page) {
        return keyset(ThreadEntity.class, "communityId = :scope", tenantId, communityId, me, seesHeld, page, false);
    }

    /** Messages of a thread, oldest first. */
    public Uni<List<MessageEntity>> messages(UUID tenantId, UUID threadId, UUID me, boolean seesHeld, PageRequest page) {
        return keyset(MessageEntity.class, "threadId = :scope", tenantId, threadId, me, seesHeld, page, true);
    }

    private <T> Uni<List<T>> keyset(Class<T> type, String scope, UUID tenantId, UUID scopeId, UUID me, boolean seesHeld,
            PageRequest page, boolean oldestFirst) {
        boolean ascending = oldestFirst != page.backward();
        Cursor cursor = page.backward() ? page.before() : page.after();
        String op = ascending ? ">" : "<";
        String direction = ascending ? "asc" : "desc";
        String hql = "from " + type.getSimpleName() + " where tenantId = :tenant and " + scope + " and " + VISIBLE
                + (cursor == null ? "" : " and (createdAt " + op + " :at or (createdAt = :at and id " + op + " :cursorId))")
                + " order by createdAt " + direction + ", id " + direction;
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(hql, type)
                    .setParameter("tenant", tenantId).setParameter("scope", scopeId)
                    .setParameter("seesHeld", seesHeld).setParameter("me", me == null ? new UUID(0, 0) : me)
                    .setMaxResults(page.fetchSize());
            if (cursor != null) {
                query.setParameter("at", cursor.sortInstant()).setParameter("cursorId", cursor.id());
            }
            return query.getResultList();
        });
    }

    public static Cursor cursorOf(Instant createdAt, UUID id) {
        return new Cursor(createdAt.toString(), id);
    }
}
