package io.animo.platform.persistence;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.animo.platform.graphql.UserError;

/** Turns a lost optimistic-locking race into the userError a caller can act on. */
public final class OptimisticLocks {

    private OptimisticLocks() {
    }

    public static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    public static UserError staleError(String what) {
        return UserError.of("input.version", "STALE_VERSION",
                "Someone changed this " + what + " since you loaded it. Reload it and apply your change again.");
    }
}
