package io.strata.cache.internal.store;

import io.strata.cache.CachedPage;
import io.strata.cache.FileVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/** Deterministic page contents and helpers for the engine tests. */
final class TestingPages {
    private TestingPages() {}

    static FileVersion version(long length) {
        return new FileVersion(
                length, Optional.of(Instant.parse("2026-01-02T03:04:05.123456789Z")), Optional.of("etag-1"));
    }

    /** The bytes of a page: a function of path, version length and page index. */
    static byte[] content(String path, FileVersion version, int pageSize, long page) {
        int length = version.pageLength(pageSize, page);
        byte[] bytes = new byte[length];
        new SplittableRandom(path.hashCode() * 31L + version.hashCode() * 17L + page).nextBytes(bytes);
        return bytes;
    }

    static boolean put(CacheEngine engine, String path, FileVersion version, long page) {
        byte[] bytes = content(path, version, engine.pageSize(), page);
        return engine.put(path, version, page, bytes, bytes.length);
    }

    /** The bytes of a cached page, or null on a miss. */
    static byte[] read(CacheEngine engine, String path, FileVersion version, long page) {
        Optional<CachedPage> cached = engine.get(path, version, page);
        if (cached.isEmpty()) {
            return null;
        }
        try (CachedPage open = cached.get()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            open.transferTo(0, open.length(), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
