package io.animo.platform.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL keeps (microseconds), so that what an entity holds equals what a
 * later read returns, and keyset cursors built from either match.
 */
public final class DbTime {

    private DbTime() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
