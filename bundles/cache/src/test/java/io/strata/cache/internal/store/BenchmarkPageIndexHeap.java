package io.strata.cache.internal.store;

import static java.lang.String.format;

import com.codahale.metrics.MetricRegistry;
import io.strata.cache.FileVersion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Heap bytes per cached page of the engine's index: opens a real {@link CacheEngine} (one tier in a
 * temporary directory), indexes {@code pages} pages of {@code files} files of 1 MiB pages through
 * the same code recovery uses (no page file is written), and measures the retained heap after full
 * garbage collections. Each file has a distinct path of realistic length, a modification time and
 * an ETag.
 *
 * <p>Run with {@code bench/cache-engine heap [pages] [files]} (after a test-compile); prints one
 * line {@code heap.bytes.per.page=<n>} plus details. Target: at most 100 bytes per page at 10 M pages.
 */
public final class BenchmarkPageIndexHeap {
    private static final int PAGE_SIZE = 1 << 20;

    private BenchmarkPageIndexHeap() {}

    public static void main(String[] args) throws IOException {
        long pages = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int pagesPerFile = (int) ((pages + files - 1) / files);
        Path directory = Files.createTempDirectory("strata-heap-bench");
        try {
            StoreSettings settings = new StoreSettings(
                    PAGE_SIZE,
                    List.of(new TierSpec("SSD", directory.resolve("ssd"), Long.MAX_VALUE / 2)),
                    0.95,
                    0.7,
                    Duration.ofHours(1),
                    Duration.ofHours(1));
            long baseline = retainedHeap();
            CacheEngine engine = new CacheEngine(settings, new MetricRegistry(), Clock.systemUTC());
            long empty = retainedHeap();
            long started = System.nanoTime();
            long indexed = 0;
            for (int file = 0; file < files && indexed < pages; file++) {
                String path = format(Locale.ROOT, "/datasets/warehouse/table-%04d/part-%06d.parquet", file % 97, file);
                FileVersion version = new FileVersion(
                        (long) pagesPerFile * PAGE_SIZE,
                        Optional.of(Instant.ofEpochSecond(1_700_000_000L + file, 123_000_000)),
                        Optional.of(format(Locale.ROOT, "\"%032x\"", (long) file * 0x9E3779B97F4A7C15L)));
                for (int page = 0; page < pagesPerFile && indexed < pages; page++) {
                    engine.indexWithoutFile(path, version, page, 0);
                    indexed++;
                }
            }
            long fillMillis = (System.nanoTime() - started) / 1_000_000;
            long full = retainedHeap();
            long arrays = engine.indexArrayBytes();
            double perPage = (double) (full - empty) / indexed;
            System.out.printf(
                    Locale.ROOT,
                    "pages=%d files=%d page.size=%d fill.ms=%d%n"
                            + "heap.engine.empty.bytes=%d heap.index.bytes=%d index.arrays.bytes=%d%n"
                            + "heap.bytes.per.page=%.1f (target <= 100)%n",
                    indexed,
                    engine.cachedPaths().size(),
                    PAGE_SIZE,
                    fillMillis,
                    empty - baseline,
                    full - empty,
                    arrays,
                    perPage);
            if (engine.tiers().get(0).pages() != indexed) {
                throw new IllegalStateException("indexed " + indexed + " but the tier holds "
                        + engine.tiers().get(0).pages());
            }
            engine.close();
        } finally {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Heap in use after full collections, once it stops shrinking. */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = memory.getHeapMemoryUsage().getUsed();
        for (int round = 0; round < 10 && used < previous; round++) {
            previous = used;
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
        }
        return Math.min(used, previous);
    }
}
