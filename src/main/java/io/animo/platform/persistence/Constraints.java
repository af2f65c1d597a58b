package io.animo.platform.persistence;

import java.sql.SQLException;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL constraint failures, whichever wrapper Hibernate Reactive put around them. */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** A unique violation, of {@code constraintName} when it is not null. */
    public static boolean isUniqueViolation(Throwable failure, String constraintName) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return constraintName == null || constraintName.equals(pg.getConstraint());
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return constraintName == null || String.valueOf(sql.getMessage()).contains("\"" + constraintName + "\"");
            }
        }
        return false;
    }
}
