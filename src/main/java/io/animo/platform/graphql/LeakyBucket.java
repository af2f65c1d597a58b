package io.animo.platform.graphql;

/**
 * Query-cost points of one tenant or one caller: the bucket drains as operations run and fills back at a
 * steady rate up to its capacity. An operation runs only if the bucket holds its whole cost.
 */
final class LeakyBucket {

    /** What a charge left: points remaining, and when the bucket would be full again or (refused) hold enough. */
    record Level(boolean charged, long remaining, long millisUntilFull, long millisUntilAffordable) {
    }

    private double points;
    private long updatedAt;

    LeakyBucket(int capacity, long now) {
        this.points = capacity;
        this.updatedAt = now;
    }

    synchronized Level peek(int cost, int capacity, int refillPerSecond, long now) {
        fill(capacity, refillPerSecond, now);
        return level(points >= cost, cost, capacity, refillPerSecond);
    }

    synchronized Level charge(int cost, int capacity, int refillPerSecond, long now) {
        fill(capacity, refillPerSecond, now);
        boolean affordable = points >= cost;
        if (affordable) {
            points -= cost;
        }
        return level(affordable, cost, capacity, refillPerSecond);
    }

    synchronized void refund(int cost, int capacity) {
        points = Math.min(capacity, points + cost);
    }

    private void fill(int capacity, int refillPerSecond, long now) {
        points = Math.min(capacity, points + (now - updatedAt) * refillPerSecond / 1000.0);
        updatedAt = now;
    }

    private Level level(boolean charged, int cost, int capacity, int refillPerSecond) {
        long untilFull = (long) Math.ceil((capacity - points) * 1000.0 / refillPerSecond);
        long untilAffordable = charged ? 0 : (long) Math.ceil((cost - points) * 1000.0 / refillPerSecond);
        return new Level(charged, (long) Math.floor(points), untilFull, untilAffordable);
    }
}
