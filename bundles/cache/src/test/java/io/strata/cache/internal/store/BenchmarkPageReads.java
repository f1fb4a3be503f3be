package io.strata.cache.internal.store;

import com.codahale.metrics.MetricRegistry;
import io.strata.cache.CachedPage;
import io.strata.cache.FileVersion;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The engine's read path without HTTP: a cached file of {@code megabytes} MiB (1 MiB pages) read
 * sequentially through {@link CachedPage#transferTo(long, long, OutputStream)} into a discarding
 * stream, and 4 KiB random reads (get, transfer, close) from {@code threads} threads. An upper bound
 * for what the HTTP read path can reach; run with {@code bench/cache-engine reads [MiB] [threads] [dir]}.
 */
public final class BenchmarkPageReads {
    private static final int PAGE_SIZE = 1 << 20;

    private BenchmarkPageReads() {}

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path parent = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path directory = Files.createTempDirectory(parent, "strata-reads-bench");
        StoreSettings settings = new StoreSettings(
                PAGE_SIZE,
                List.of(new TierSpec("SSD", directory.resolve("ssd"), (long) (megabytes + 1) * PAGE_SIZE)),
                1.0,
                0.9,
                Duration.ofHours(1),
                Duration.ofHours(1));
        CacheEngine engine = new CacheEngine(settings, new MetricRegistry(), Clock.systemUTC());
        try {
            FileVersion version = new FileVersion((long) megabytes * PAGE_SIZE, Optional.empty(), Optional.of("v1"));
            byte[] data = new byte[PAGE_SIZE];
            new SplittableRandom(1).nextBytes(data);
            for (int page = 0; page < megabytes; page++) {
                engine.put("/bench/file", version, page, data, PAGE_SIZE);
            }
            OutputStream discard = OutputStream.nullOutputStream();
            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                for (int page = 0; page < megabytes; page++) {
                    try (CachedPage cached =
                            engine.get("/bench/file", version, page).orElseThrow()) {
                        cached.transferTo(0, cached.length(), discard);
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "sequential.mib.per.second=%.0f%n", megabytes / seconds);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < 3; round++) {
                    LongAdder reads = new LongAdder();
                    long deadline = System.nanoTime() + 3_000_000_000L;
                    List<Future<?>> futures = new ArrayList<>();
                    for (int thread = 0; thread < threads; thread++) {
                        long seed = thread * 31L + round;
                        futures.add(pool.submit(() -> {
                            SplittableRandom random = new SplittableRandom(seed);
                            while (System.nanoTime() < deadline) {
                                long offset = random.nextLong((long) megabytes * PAGE_SIZE - 4096);
                                long page = offset / PAGE_SIZE;
                                long within = offset % PAGE_SIZE;
                                int length = (int) Math.min(4096, PAGE_SIZE - within);
                                try (CachedPage cached =
                                        engine.get("/bench/file", version, page).orElseThrow()) {
                                    cached.transferTo(within, length, discard);
                                }
                                reads.increment();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : futures) {
                        future.get();
                    }
                    System.out.printf(
                            Locale.ROOT, "random.4k.reads.per.second=%d (threads %d)%n", reads.sum() / 3, threads);
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            engine.close();
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
