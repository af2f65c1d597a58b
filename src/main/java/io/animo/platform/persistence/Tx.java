package io.animo.platform.persistence;

import java.util.UUID;

/**
 * Proof that code runs inside a unit of work: only {@link UnitOfWork} makes one, and hands it to the
 * work it runs. A method that must run inside its caller's transaction (an audit entry, a standing
 * check, a lock) takes a {@code Tx}, so it cannot be called from outside one; and a unit of work
 * cannot be opened inside another ({@link UnitOfWork} refuses), so nothing silently commits apart.
 */
public final class Tx {

    private final UUID tenantId;

    Tx(UUID tenantId) {
        this.tenantId = tenantId;
    }

    /** The tenant whose rows this transaction sees (row-level security); null in a platform transaction. */
    public UUID tenantId() {
        return tenantId;
    }
}
