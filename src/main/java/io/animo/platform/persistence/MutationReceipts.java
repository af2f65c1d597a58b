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
                .chain(session -> session.createNativeQuery(
                        "select cast(entity_id as text) from mutation_receipt"
                                + " where tenant_id = :tenant and operation = :operation and client_mutation_id = :key",
                        String.class)
                        .setParameter("tenant", tenantId)
                        .setParameter("operation", operation)
                        .setParameter("key", clientMutationId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(UUID::fromString));
    }

    public Uni<Void> record(UUID tenantId, String operation, String clientMutationId, UUID entityId) {
        if (clientMutationId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "insert into mutation_receipt (tenant_id, operation, client_mutation_id, entity_id, created_at)"
                                + " values (:tenant, :operation, :key, :entity, :now)")
                        .setParameter("tenant", tenantId)
                        .setParameter("operation", operation)
                        .setParameter("key", clientMutationId)
                        .setParameter("entity", entityId)
                        .setParameter("now", Instant.now())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
