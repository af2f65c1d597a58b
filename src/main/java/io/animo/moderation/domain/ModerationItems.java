package io.animo.moderation.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Queue items by id, or the one item of a message. */
@ApplicationScoped
public class ModerationItems {

    public Uni<ModerationItemEntity> byId(UUID tenantId, UUID itemId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from ModerationItemEntity where tenantId = :tenant and id = :id", ModerationItemEntity.class)
                .setParameter("tenant", tenantId).setParameter("id", itemId).getSingleResultOrNull());
    }

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
}
