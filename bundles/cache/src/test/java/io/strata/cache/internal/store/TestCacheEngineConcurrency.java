package io.strata.cache.internal.store;

import static io.strata.cache.internal.store.TestingPages.content;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.strata.cache.CachedPage;
import io.strata.cache.FileVersion;
import io.strata.cache.TierUsage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads get, put, invalidate and change versions on two small tiers while the background
 * evictor demotes and drops: no wrong byte is ever served, the counters agree with the index, the
 * disk holds exactly the indexed page files, and a restart recovers the same pages.
 */
final class TestCacheEngineConcurrency {
    private static final int PAGE = 512;
    private static final int THREADS = 8;
    private static final int OPERATIONS = 1_500;

    @TempDir
    Path temp;

    @Test
    void testConcurrentGetPutInvalidateAndEviction() throws Exception {
        List<TierSpec> tiers = List.of(
                new TierSpec("MEM", temp.resolve("mem"), 40L * PAGE),
                new TierSpec("SSD", temp.resolve("ssd"), 100L * PAGE));
        StoreSettings settings = new StoreSettings(PAGE, tiers, 0.9, 0.6, Duration.ofMillis(20), Duration.ofHours(1));
        MetricRegistry metrics = new MetricRegistry();
        CacheEngine engine = new CacheEngine(settings, metrics, Clock.systemUTC());
        AtomicLong served = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                long seed = thread;
                futures.add(pool.submit(() -> {
                    start.await();
                    run(engine, new SplittableRandom(seed), served);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        engine.evictNow();
        engine.awaitMaintenance();
        assertThat(served.get()).as("pages served").isPositive();
        assertThat(engine.checkConsistency()).isEmpty();
        for (TierUsage tier : engine.tiers()) {
            assertThat(tier.usedBytes()).as(tier.name()).isLessThanOrEqualTo(tier.capacityBytes());
        }
        assertThat(metrics.counter(CacheEngine.METRIC_PREFIX + "page.torn").getCount())
                .isZero();
        assertThat(metrics.counter(CacheEngine.METRIC_PREFIX + "page.lost").getCount())
                .isZero();
        long pages = engine.tiers().stream().mapToLong(TierUsage::pages).sum();
        assertThat(pageFiles()).as("page files on disk").isEqualTo(pages);
        List<String> paths = List.copyOf(engine.cachedPaths());
        engine.close();

        CacheEngine reopened = new CacheEngine(settings, new MetricRegistry(), Clock.systemUTC());
        try {
            assertThat(reopened.tiers().stream().mapToLong(TierUsage::pages).sum())
                    .isEqualTo(pages);
            assertThat(reopened.cachedPaths()).containsExactlyInAnyOrderElementsOf(paths);
            assertThat(reopened.checkConsistency()).isEmpty();
            for (String path : paths) {
                FileVersion version = reopened.cachedFile(path).orElseThrow().version();
                for (int page = 0; page < version.pageCount(PAGE); page++) {
                    Optional<CachedPage> cached = reopened.get(path, version, page);
                    if (cached.isPresent()) {
                        assertThat(bytes(cached.get())).isEqualTo(content(path, version, PAGE, page));
                    }
                }
            }
        } finally {
            reopened.close();
        }
    }

    private static void run(CacheEngine engine, SplittableRandom random, AtomicLong served) throws IOException {
        for (int operation = 0; operation < OPERATIONS; operation++) {
            String path = "/d" + random.nextInt(3) + "/f" + random.nextInt(8);
            // two versions of every path: readers and writers that disagree invalidate each other
            FileVersion version = new FileVersion(
                    10L * PAGE - random.nextInt(2) * 100L,
                    Optional.of(Instant.ofEpochSecond(1_700_000_000L)),
                    Optional.empty());
            int page = random.nextInt(10);
            int action = random.nextInt(100);
            if (action < 55) {
                byte[] data = content(path, version, PAGE, page);
                engine.put(path, version, page, data, data.length);
            } else if (action < 93) {
                Optional<CachedPage> cached = engine.get(path, version, page);
                if (cached.isPresent()) {
                    assertThat(bytes(cached.get())).as(path + "#" + page).isEqualTo(content(path, version, PAGE, page));
                    served.incrementAndGet();
                }
            } else if (action < 97) {
                engine.contains(path, version, page);
            } else {
                engine.invalidate(path);
            }
        }
    }

    private static byte[] bytes(CachedPage page) throws IOException {
        try (page) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            page.transferTo(0, page.length(), out);
            return out.toByteArray();
        }
    }

    private long pageFiles() throws IOException {
        long count = 0;
        for (String tier : List.of("mem", "ssd")) {
            try (Stream<Path> files = Files.walk(temp.resolve(tier).resolve("pages"))) {
                count += files.filter(file -> file.getFileName().toString().matches("\\d+_\\d+"))
                        .count();
            }
        }
        return count;
    }
}
