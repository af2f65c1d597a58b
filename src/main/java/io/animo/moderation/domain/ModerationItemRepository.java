package io.animo.moderation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.ScoreTimeKeyset;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.TenantOwnedRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Every query of moderation queue items: by id, the one item of a message, a community's queue. */
@ApplicationScoped
public class ModerationItemRepository implements TenantOwnedRepository<ModerationItemEntity> {

    private static final String QUEUE = "queue:";

    /** The item of a message, locked until the transaction ends: concurrent reports of one message raise it in turn. */
    public Uni<ModerationItemEntity> ofMessageLocked(UUID tenantId, UUID messageId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from ModerationItemEntity where tenantId = :tenant and messageId = :message", ModerationItemEntity.class)
                .setParameter("tenant", tenantId).setParameter("message", messageId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull());
    }

    public Uni<ModerationItemEntity> ofMessage(UUID tenantId, UUID messageId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from ModerationItemEntity where tenantId = :tenant and messageId = :message", ModerationItemEntity.class)
                .setParameter("tenant", tenantId).setParameter("message", messageId).getSingleResultOrNull());
    }

    /** A community's queue: items of one status (and reason), by priority then age, or by age alone. */
    public Uni<Page<ModerationItemEntity>> queue(UUID tenantId, UUID communityId, QueueQuery query) {
        PageRequest page = query.page();
        String ordering = QUEUE + query.order();
        ScoreTimeKeyset keyset = query.order() == QueueOrder.PRIORITY
                ? ScoreTimeKeyset.highestThenOldest(page, ordering, "priority", "createdAt", "id")
                : null;
        TimeKeyset byAge = keyset == null ? TimeKeyset.oldestFirst(page, ordering, "createdAt", "id") : null;
        return Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community", "status = :status"));
            if (query.reason() != null) {
                where.add("reason = :reason");
            }
            boolean continues = keyset != null ? keyset.hasCursor() : byAge.cursor() != null;
            if (continues) {
                where.add(keyset != null ? keyset.condition() : byAge.condition());
            }
            var select = session.createSelectionQuery("from ModerationItemEntity where " + String.join(" and ", where)
                    + " order by " + (keyset != null ? keyset.orderBy() : byAge.orderBy()), ModerationItemEntity.class)
                    .setParameter("tenant", tenantId).setParameter("community", communityId)
                    .setParameter("status", query.status())
                    .setMaxResults(page.fetchSize());
            if (query.reason() != null) {
                select.setParameter("reason", query.reason());
            }
            if (keyset != null && continues) {
                select.setParameter("score", keyset.score()).setParameter("at", keyset.at())
                        .setParameter("cursorId", keyset.cursorId());
            } else if (continues) {
                select.setParameter("at", byAge.at()).setParameter("cursorId", byAge.cursorId());
            }
            return select.getResultList().map(rows -> Page.of(rows, page, item -> cursorOf(ordering, query.order(), item), -1));
        });
    }

    private static Cursor cursorOf(String ordering, QueueOrder order, ModerationItemEntity item) {
        return order == QueueOrder.PRIORITY
                ? ScoreTimeKeyset.cursorOf(ordering, item.priority, item.createdAt, item.id)
                : TimeKeyset.cursorOf(ordering, item.createdAt, item.id);
    }
}
