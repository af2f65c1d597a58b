package io.animo.platform.persistence;

import java.util.UUID;

import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Proof that code runs inside a unit of work: only {@link UnitOfWork} makes one, and hands it to the
 * work it runs. A method that must run inside its caller's transaction (an audit entry, a standing
 * check, a lock) takes a {@code Tx}, so it cannot be called from outside one; and a unit of work
 * cannot be opened inside another ({@link UnitOfWork} refuses), so nothing silently commits apart.
 */
public final class Tx {

    private final UUID tenantId;
    private final SqlConnection sql;

    Tx(UUID tenantId, SqlConnection sql) {
        this.tenantId = tenantId;
        this.sql = sql;
    }

    /** The unit's connection, inside its transaction, for repositories that speak SQL (Hibernate shares it). */
    public SqlConnection sql() {
        return sql;
    }

    /** The tenant whose rows this transaction sees (row-level security); null in a platform transaction. */
    public UUID tenantId() {
        return tenantId;
    }
}
