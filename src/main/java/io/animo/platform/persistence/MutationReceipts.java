package io.animo.platform.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Remembers which entity a create with a {@code clientMutationId} produced, so a retried request
 * returns the same entity instead of creating a second one. Runs inside the caller's tenant
 * transaction; the receipt and the entity commit together.
 */
@ApplicationScoped
public class MutationReceipts {

    public Uni<Optional<UUID>> find(UUID tenantId, String operation, String clientMutationId) {
        if (clientMutationId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("select r.entityId from MutationReceiptEntity r"
                        + " where r.tenantId = :tenant and r.operation = :operation and r.clientMutationId = :key", UUID.class)
                        .setParameter("tenant", tenantId)
                        .setParameter("operation", operation)
                        .setParameter("key", clientMutationId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<Void> record(UUID tenantId, String operation, String clientMutationId, UUID entityId) {
        if (clientMutationId == null) {
            return Uni.createFrom().voidItem();
        }
        MutationReceiptEntity receipt = new MutationReceiptEntity();
        receipt.tenantId = tenantId;
        receipt.operation = operation;
        receipt.clientMutationId = clientMutationId;
        receipt.entityId = entityId;
        receipt.createdAt = Instant.now();
        return Panache.getSession().chain(session -> session.persist(receipt)).replaceWithVoid();
    }
}
