package io.animo.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the service does in the background (a poll, a delivery, a reminder), checking every 100 ms. */
public final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code done} holds; fails naming {@code what} after {@code timeout}. */
    public static void await(BooleanSupplier done, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
