package io.strata.it;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one timing helper of the it-tests: asks again every {@value #INTERVAL_MS} ms until a
 * condition holds or the timeout passes, then fails naming what was awaited and what was last
 * seen. A {@link RuntimeException} from the probe (connection refused while a node starts) counts
 * as "not yet".
 */
final class Poll {
    private static final long INTERVAL_MS = 20;

    private Poll() {}

    static void await(Duration timeout, String description, BooleanSupplier condition) {
        requireNonNull(condition, "condition is null");
        await(timeout, description, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Returns the first value of {@code probe} that {@code accepted} holds for. */
    static <T> T await(Duration timeout, String description, Supplier<T> probe, Predicate<? super T> accepted) {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(description, "description is null");
        requireNonNull(probe, "probe is null");
        requireNonNull(accepted, "accepted is null");
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<T> last = Optional.empty();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                T value = probe.get();
                if (accepted.test(value)) {
                    return value;
                }
                last = Optional.ofNullable(value);
                lastFailure = null;
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                String seen = lastFailure != null
                        ? "failed with " + lastFailure
                        : "was " + last.map(String::valueOf).orElse("null");
                AssertionError error = new AssertionError(
                        format("Timed out after %s waiting until %s; the last probe %s", timeout, description, seen));
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
