package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import io.strata.cache.spi.CacheUsageListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes cached under the prefixes of the registered {@link CacheUsageListener}s. Totals change
 * under the engine lock; each entry keeps the counters covering its path (recomputed when the
 * registrations change). Listeners are told on one notifier thread, coalesced: a counter that
 * changes while a notice is queued is not queued again, and the notice carries the latest total.
 */
final class UsageTracker {
    private static final Logger LOG = LoggerFactory.getLogger(UsageTracker.class);
    private static final Counter[] NONE = new Counter[0];

    private final Executor notifier;
    // guarded by the engine lock
    private final List<Registration> registrations = new ArrayList<>();
    private int generation;

    UsageTracker(Executor notifier) {
        this.notifier = requireNonNull(notifier, "notifier is null");
    }

    /** Registers (or re-registers with new prefixes) a listener and queues its initial totals. Engine lock held. */
    void register(CacheUsageListener listener, List<String> prefixes, Collection<FileEntry> entries) {
        unregister(listener);
        Registration registration = new Registration(listener);
        for (String given : prefixes) {
            registration.counters.add(new Counter(registration, normalize(given), given));
        }
        for (FileEntry entry : entries) {
            if (entry.alive && entry.bytes != 0) {
                for (Counter counter : registration.counters) {
                    if (covers(counter.prefix, entry.path)) {
                        counter.bytes += entry.bytes;
                    }
                }
            }
        }
        registrations.add(registration);
        generation++;
        registration.counters.forEach(this::queue);
    }

    /** Engine lock held. */
    void unregister(CacheUsageListener listener) {
        registrations.removeIf(registration -> {
            if (registration.listener == listener) {
                registration.active = false;
                generation++;
                return true;
            }
            return false;
        });
    }

    /** Adds {@code delta} bytes of {@code entry} to the counters covering it. Engine lock held. */
    void add(FileEntry entry, long delta) {
        if (registrations.isEmpty() || delta == 0) {
            return;
        }
        if (entry.usageGeneration != generation) {
            List<Counter> covering = new ArrayList<>();
            for (Registration registration : registrations) {
                for (Counter counter : registration.counters) {
                    if (covers(counter.prefix, entry.path)) {
                        covering.add(counter);
                    }
                }
            }
            entry.usage = covering.isEmpty() ? NONE : covering.toArray(NONE);
            entry.usageGeneration = generation;
        }
        for (Counter counter : entry.usage) {
            counter.bytes += delta;
            queue(counter);
        }
    }

    private void queue(Counter counter) {
        if (counter.queued.compareAndSet(false, true)) {
            try {
                notifier.execute(() -> deliver(counter));
            } catch (RejectedExecutionException e) {
                counter.queued.set(false); // closing
            }
        }
    }

    private static void deliver(Counter counter) {
        counter.queued.set(false);
        Registration owner = counter.owner;
        if (!owner.active) {
            return;
        }
        try {
            owner.listener.usageChanged(counter.given, counter.bytes);
        } catch (RuntimeException e) {
            LOG.warn("Cache usage listener {} failed", owner.listener.getClass().getName(), e);
        }
    }

    /** A Strata directory path without a trailing slash ({@code /} stays {@code /}). */
    static String normalize(String prefix) {
        String stripped = prefix.strip();
        if (!stripped.startsWith("/")) {
            stripped = "/" + stripped;
        }
        while (stripped.length() > 1 && stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    /** Whether the directory {@code prefix} (normalized) holds {@code path}. */
    static boolean covers(String prefix, String path) {
        if (prefix.equals("/")) {
            return true;
        }
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    static final class Registration {
        final CacheUsageListener listener;
        final List<Counter> counters = new ArrayList<>();
        volatile boolean active = true;

        Registration(CacheUsageListener listener) {
            this.listener = listener;
        }
    }

    static final class Counter {
        final Registration owner;
        final String prefix;
        final String given;
        /** Written under the engine lock. */
        volatile long bytes;

        final AtomicBoolean queued = new AtomicBoolean();

        Counter(Registration owner, String prefix, String given) {
            this.owner = owner;
            this.prefix = prefix;
            this.given = given;
        }
    }
}
