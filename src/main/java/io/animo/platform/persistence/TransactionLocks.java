package io.animo.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises transactions that check something and then act on it (a count against a limit, say)
 * without a row to lock: a PostgreSQL advisory lock on a name, held until the transaction ends.
 */
public final class TransactionLocks {

    private TransactionLocks() {
    }

    /** Waits for, then holds until commit or rollback, the lock called {@code name}. */
    public static Uni<Void> lock(Tx tx, String name) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                        "select cast(function('pg_advisory_xact_lock', function('hashtextextended', :name, 0)) as String)",
                        String.class)
                        .setParameter("name", name)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
