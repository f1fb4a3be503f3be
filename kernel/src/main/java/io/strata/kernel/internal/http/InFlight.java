package io.strata.kernel.internal.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests in flight through something that can be retired (an application generation, a
 * direct route): once retired it takes no new ones, and whoever retired it learns when the last
 * one left.
 */
final class InFlight {
    private static final int RETIRED = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();

    /** False once retired: the caller must not use the owner. */
    boolean tryAcquire() {
        while (true) {
            int current = state.get();
            if ((current & RETIRED) != 0) {
                return false;
            }
            if (state.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Ends a request; true when it was the last one of a retired owner. */
    boolean release() {
        if (state.decrementAndGet() != RETIRED) {
            return false;
        }
        synchronized (this) {
            notifyAll();
        }
        return true;
    }

    /** Takes no new requests from now on; true when none was in flight (and it was not retired before). */
    boolean retire() {
        return state.getAndUpdate(current -> current | RETIRED) == 0;
    }

    boolean retired() {
        return (state.get() & RETIRED) != 0;
    }

    /** After {@link #retire()}: waits until no request is in flight; false when {@code timeoutMs} passed first. */
    boolean awaitDrained(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (this) {
            while (state.get() != RETIRED) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                wait(remaining);
            }
        }
        return true;
    }
}
