package io.animo.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

/** Which failures mean "a part Animo depends on is away" (UNAVAILABLE, retry) rather than a defect (INTERNAL). */
class UnavailabilityTest {

    @Test
    void theDatabaseRestartingOrOutOfFreeConnectionsIsUnavailable() {
        assertEquals("The database", Unavailability.of(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null)));
        assertEquals("The database", Unavailability.of(new PgException("cannot connect now", "FATAL", "08006", null)));
        // the pool had no free connection within its wait time, as Vert.x reports it, wrapped by the caller
        assertEquals("The database", Unavailability.of(new CompletionException(new NoStackTraceThrowable("Timeout"))));
        assertEquals("A service Animo depends on",
                Unavailability.of(new IllegalStateException(new ConnectException("Connection refused"))));
    }

    @Test
    void defectsAndRefusalsAreNot() {
        assertNull(Unavailability.of(new PgException("duplicate key value", "ERROR", "23505", null)));
        assertNull(Unavailability.of(new NoStackTraceThrowable("Something else")));
        assertNull(Unavailability.of(new IllegalStateException("a bug")));
    }
}
