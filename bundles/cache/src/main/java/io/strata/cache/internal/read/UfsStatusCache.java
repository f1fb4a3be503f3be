package io.strata.cache.internal.read;

import io.strata.cache.FileVersion;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsStatus;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status of the files being read, each kept for a time-to-live so that hot files are served
 * without asking the UFS on every read, with what the answers derive from it (version, ETag,
 * Last-Modified) worked out once. Bounded: past {@value #MAX_ENTRIES} entries it starts over.
 */
final class UfsStatusCache {
    static final int MAX_ENTRIES = 100_000;

    interface Loader {
        UfsStatus load() throws UfsException;
    }

    /** A status and the read headers derived from it. */
    record FileState(UfsStatus status, FileVersion version, String etag, Optional<String> lastModified) {
        static FileState of(UfsStatus status) {
            FileVersion version = FileVersion.of(status);
            return new FileState(
                    status,
                    version,
                    FileReader.etag(version),
                    status.lastModified().map(HTTP_DATE::format));
        }
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private record Entry(FileState state, long loadedAt) {}

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    UfsStatusCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    FileState state(String key, Loader loader) throws UfsException {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.state();
        }
        FileState state = FileState.of(loader.load());
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(state, now));
        }
        return state;
    }

    /** The state kept for {@code key} while it is fresh, or null (loading it would ask the UFS). */
    FileState fresh(String key) {
        Entry entry = entries.get(key);
        return entry != null && System.nanoTime() - entry.loadedAt() < ttlNanos ? entry.state() : null;
    }

    void forget(String key) {
        entries.remove(key);
    }
}
