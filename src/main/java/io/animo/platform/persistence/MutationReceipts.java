package io.animo.platform.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Remembers which entity a create with a {@code clientMutationId} produced, so a retried request
 * returns the same entity instead of creating a second one. Keys belong to the caller who sent them
 * (another person's retry with the same key is another request) and are at most
 * {@link #MAX_KEY_LENGTH} characters. Runs inside the caller's tenant transaction; the receipt and the
 * entity commit together.
 */
@ApplicationScoped
public class MutationReceipts {

    public static final int MAX_KEY_LENGTH = 200;

    /** A userError for a key that is too long; check it before the unit of work. */
    public static List<UserError> validate(String clientMutationId) {
        if (clientMutationId != null && clientMutationId.length() > MAX_KEY_LENGTH) {
            return List.of(UserError.of("input.clientMutationId", "TOO_LONG",
                    "A clientMutationId has at most " + MAX_KEY_LENGTH + " characters."));
        }
        return List.of();
    }

    public Uni<Optional<UUID>> find(Tx tx, Caller caller, String operation, String clientMutationId) {
        if (clientMutationId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("select r.entityId from MutationReceiptEntity r"
                        + " where r.tenantId = :tenant and r.callerSubject = :caller and r.operation = :operation"
                        + " and r.clientMutationId = :key", UUID.class)
                        .setParameter("tenant", tx.tenantId())
                        .setParameter("caller", caller.subject())
                        .setParameter("operation", operation)
                        .setParameter("key", clientMutationId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<Void> record(Tx tx, Caller caller, String operation, String clientMutationId, UUID entityId) {
        if (clientMutationId == null) {
            return Uni.createFrom().voidItem();
        }
        MutationReceiptEntity receipt = new MutationReceiptEntity();
        receipt.tenantId = tx.tenantId();
        receipt.callerSubject = caller.subject();
        receipt.operation = operation;
        receipt.clientMutationId = clientMutationId;
        receipt.entityId = entityId;
        receipt.createdAt = Instant.now();
        return Panache.getSession().chain(session -> session.persist(receipt)).replaceWithVoid();
    }
}
