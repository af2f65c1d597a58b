package io.animo.platform.persistence;

/** Recognises PostgreSQL constraint failures, whichever wrapper Hibernate Reactive put around them. */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    public static boolean isUniqueViolation(Throwable failure, String constraintName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return constraintName == null || constraintName.equals(pg.getConstraint());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
