package io.strata.cache.internal.read;

import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsStatus;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status of the files being read, each kept for a time-to-live so that hot files are served
 * without asking the UFS on every read. Bounded: past {@value #MAX_ENTRIES} entries it starts over.
 */
final class UfsStatusCache {
    static final int MAX_ENTRIES = 100_000;

    interface Loader {
        UfsStatus load() throws UfsException;
    }

    private record Entry(UfsStatus status, long loadedAt) {}

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    UfsStatusCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    UfsStatus status(String key, Loader loader) throws UfsException {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.status();
        }
        UfsStatus status = loader.load();
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(status, now));
        }
        return status;
    }

    void forget(String key) {
        entries.remove(key);
    }
}
