package io.strata.cache.internal.store;

import static java.lang.String.format;

import com.codahale.metrics.MetricRegistry;
import io.strata.cache.FileVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long a worker takes to open a cache of many pages (the restart scan: one meta file read per
 * file, page file names listed, no page opened or stat-ed). Caches {@code pages} small pages of
 * {@code files} files through the engine, closes it, then opens it three times and prints the
 * times. The file system's caches are warm (this benchmark cannot drop them), so the figure is
 * the scan's own cost; a cold disk adds the reads of the directories and meta files.
 *
 * <p>Run with {@code bench/cache-engine recovery [pages] [files] [directory]}.
 */
public final class BenchmarkCacheRecovery {
    private static final int PAGE_SIZE = 64;

    private BenchmarkCacheRecovery() {}

    public static void main(String[] args) throws IOException {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path parent = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path directory = Files.createTempDirectory(parent, "strata-recovery-bench");
        int pagesPerFile = (pages + files - 1) / files;
        StoreSettings settings = new StoreSettings(
                PAGE_SIZE,
                List.of(new TierSpec("SSD", directory.resolve("ssd"), (long) pages * PAGE_SIZE * 2)),
                0.95,
                0.7,
                Duration.ofHours(1),
                Duration.ofHours(1));
        try {
            CacheEngine engine = new CacheEngine(settings, new MetricRegistry(), Clock.systemUTC());
            long started = System.nanoTime();
            byte[] data = new byte[PAGE_SIZE];
            int written = 0;
            for (int file = 0; file < files && written < pages; file++) {
                String path = format(Locale.ROOT, "/datasets/table-%03d/part-%06d.parquet", file % 97, file);
                FileVersion version = new FileVersion(
                        (long) pagesPerFile * PAGE_SIZE,
                        Optional.of(Instant.ofEpochSecond(1_700_000_000L + file)),
                        Optional.of("etag-" + file));
                for (int page = 0; page < pagesPerFile && written < pages; page++) {
                    data[0] = (byte) page;
                    if (!engine.put(path, version, page, data, PAGE_SIZE)) {
                        throw new IllegalStateException("page " + page + " of " + path + " was not cached");
                    }
                    written++;
                }
            }
            long fillMillis = (System.nanoTime() - started) / 1_000_000;
            engine.close();
            long[] millis = new long[3];
            long recovered = 0;
            for (int run = 0; run < millis.length; run++) {
                long opening = System.nanoTime();
                CacheEngine reopened = new CacheEngine(settings, new MetricRegistry(), Clock.systemUTC());
                millis[run] = (System.nanoTime() - opening) / 1_000_000;
                recovered = reopened.tiers().get(0).pages();
                reopened.close();
            }
            Arrays.sort(millis);
            System.out.printf(
                    Locale.ROOT,
                    "pages=%d files=%d fill.ms=%d recovered=%d%nrecovery.ms=%s median=%d pages.per.second=%d%n",
                    written,
                    files,
                    fillMillis,
                    recovered,
                    Arrays.toString(millis),
                    millis[1],
                    millis[1] == 0 ? 0 : recovered * 1000 / millis[1]);
            if (recovered != written) {
                throw new IllegalStateException("cached " + written + " pages, recovered " + recovered);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
