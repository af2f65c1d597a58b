package io.animo.platform.persistence;

import java.util.ArrayDeque;
import java.util.Queue;

/** At most {@code size} units of work of one operation at a time; the others start, in order, as those end. */
final class OperationSlots {

    private final int size;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inUse;

    OperationSlots(int size) {
        this.size = size;
    }

    synchronized void acquire(Runnable start) {
        if (inUse < size) {
            inUse++;
            start.run();
        } else {
            waiting.add(start);
        }
    }

    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inUse--;
                return;
            }
        }
        next.run();
    }
}
