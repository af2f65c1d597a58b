package io.animo.platform.graphql;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Recognises a failure that says a part Animo depends on is away (PostgreSQL restarting or unreachable,
 * Keycloak down), whatever wrapper Hibernate Reactive, Vert.x or the REST client put around it: the caller
 * gets {@code UNAVAILABLE} and may retry, instead of {@code INTERNAL}.
 */
final class Unavailability {

    private Unavailability() {
    }

    /** What is away, for the caller's message; null when the failure is something else. */
    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && isUnavailableState(pg.getSqlState())) {
                return "The database";
            }
            if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return "The database";
            }
            if (t instanceof ClosedConnectionException || t instanceof ConnectException
                    || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
                return "A service Animo depends on";
            }
            if (t instanceof VertxException vertx && String.valueOf(vertx.getMessage()).contains("Timeout")) {
                return "The database";
            }
            // no connection free in the pool within its wait time: Vert.x says only "Timeout"
            if (t instanceof NoStackTraceThrowable && String.valueOf(t.getMessage()).startsWith("Timeout")) {
                return "The database";
            }
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
                return "A service Animo depends on";
            }
            if (t.getClass().getName().equals("jakarta.ws.rs.ProcessingException")) {
                return "The identity provider";
            }
        }
        return null;
    }

    /** Connection exceptions (08), the server shutting down or starting (57P), a query cancelled on timeout (57014). */
    private static boolean isUnavailableState(String state) {
        // 08: connection exceptions; 57P: the server shutting down or restarting; 57014: a cancelled statement;
        // 53300: the server has no connection slot left (too many clients)
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("57014")
                || state.equals("53300"));
    }
}
