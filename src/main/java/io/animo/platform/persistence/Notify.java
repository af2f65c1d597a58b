package io.animo.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** {@code pg_notify} in the current transaction: PostgreSQL delivers it to every replica's LISTEN on commit only. */
public final class Notify {

    private Notify() {
    }

    public static Uni<Void> inTransaction(Tx tx, String channel, String payload) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                        "select cast(function('pg_notify', :channel, :payload) as String)", String.class)
                        .setParameter("channel", channel)
                        .setParameter("payload", payload)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
