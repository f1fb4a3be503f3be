package io.strata.cache.internal.store;

import static io.strata.cache.internal.store.TestingPages.content;
import static io.strata.cache.internal.store.TestingPages.put;
import static io.strata.cache.internal.store.TestingPages.read;
import static io.strata.cache.internal.store.TestingPages.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.strata.cache.CachedFile;
import io.strata.cache.CachedPage;
import io.strata.cache.FileVersion;
import io.strata.cache.TierUsage;
import io.strata.cache.spi.AdmissionRequest;
import io.strata.cache.spi.CacheUsageListener;
import io.strata.cache.spi.EvictionRankPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestCacheEngine {
    private static final int PAGE = 1000;

    @TempDir
    Path temp;

    private final MetricRegistry metrics = new MetricRegistry();
    private final TestingClock clock = new TestingClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final List<CacheEngine> opened = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        opened.forEach(CacheEngine::close);
    }

    /** Watermarks 1.0 / 0.9: no background eviction, only the synchronous one. */
    private CacheEngine open(TierSpec... tiers) {
        return open(1.0, 0.9, tiers);
    }

    private CacheEngine open(double high, double low, TierSpec... tiers) {
        StoreSettings settings =
                new StoreSettings(PAGE, List.of(tiers), high, low, Duration.ofHours(1), Duration.ofHours(1));
        CacheEngine engine = new CacheEngine(settings, metrics, clock);
        opened.add(engine);
        return engine;
    }

    private TierSpec ssd(long pages) {
        return new TierSpec("SSD", temp.resolve("ssd"), pages * PAGE);
    }

    private long counter(String name) {
        return metrics.counter(CacheEngine.METRIC_PREFIX + name).getCount();
    }

    private long evictions(String reason) {
        return counter("page.evictions{reason=" + reason + "}");
    }

    @Test
    void testPutThenGetServesTheBytes() throws IOException {
        CacheEngine engine = open(ssd(100));
        FileVersion version = version(2500);
        assertThat(engine.get("/a/f", version, 0)).isEmpty();
        for (int page = 0; page < 3; page++) {
            assertThat(put(engine, "/a/f", version, page)).isTrue();
        }
        for (int page = 0; page < 3; page++) {
            assertThat(read(engine, "/a/f", version, page)).isEqualTo(content("/a/f", version, PAGE, page));
        }
        assertThat(counter("page.hits")).isEqualTo(3);
        assertThat(counter("page.misses")).isEqualTo(1);
        // the last page is short; parts of it through every read method
        byte[] last = content("/a/f", version, PAGE, 2);
        assertThat(last).hasSize(500);
        try (CachedPage page = engine.get("/a/f", version, 2).orElseThrow()) {
            assertThat(page.length()).isEqualTo(500);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            page.transferTo(100, 50, out);
            assertThat(out.toByteArray()).isEqualTo(slice(last, 100, 50));
            out.reset();
            page.transferTo(490, 10, Channels.newChannel(out));
            assertThat(out.toByteArray()).isEqualTo(slice(last, 490, 10));
            ByteBuffer buffer = ByteBuffer.allocateDirect(64);
            assertThat(page.read(buffer, 480)).isEqualTo(20);
            assertThat(buffer.flip().remaining()).isEqualTo(20);
            byte[] tail = new byte[20];
            buffer.get(tail);
            assertThat(tail).isEqualTo(slice(last, 480, 20));
            assertThat(page.read(ByteBuffer.allocate(8), 500)).isEqualTo(-1);
            assertThatThrownBy(() -> page.transferTo(450, 51, new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(engine.cachedFile("/a/f")).contains(new CachedFile("/a/f", version, 3, 2500));
        assertThat(engine.cachedPaths()).containsExactly("/a/f");
        assertThat(engine.contains("/a/f", version, 1)).isTrue();
        assertThat(engine.tiers())
                .containsExactly(new TierUsage("SSD0", "SSD", 0, temp.resolve("ssd"), 100 * PAGE, 2500, 3));
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testPageFilesStayOpenWhileCachedAndCloseWithTheirPages() throws IOException {
        CacheEngine engine = open(ssd(3));
        FileVersion version = version(10 * PAGE);
        for (int page = 0; page < 3; page++) {
            put(engine, "/f", version, page);
        }
        assertThat(engine.openPageFiles()).isZero();
        for (int round = 0; round < 2; round++) {
            for (int page = 0; page < 3; page++) {
                assertThat(read(engine, "/f", version, page)).isEqualTo(content("/f", version, PAGE, page));
            }
        }
        assertThat(engine.openPageFiles()).as("one per page, not per read").isEqualTo(3);
        assertThat(counter("page.hits")).isEqualTo(6);

        // a page being read stays readable when it is evicted meanwhile, and its file closes after
        CachedPage held = engine.get("/f", version, 0).orElseThrow();
        read(engine, "/f", version, 1);
        read(engine, "/f", version, 2);
        put(engine, "/f", version, 3); // evicts page 0, the least recently used
        assertThat(engine.contains("/f", version, 0)).isFalse();
        assertThat(engine.openPageFiles()).isEqualTo(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        held.transferTo(0, PAGE, out);
        assertThat(out.toByteArray()).isEqualTo(content("/f", version, PAGE, 0));
        held.close();
        held.close();
        assertThat(engine.get("/f", version, 0)).isEmpty();

        // a miss through getIfCached counts nothing; invalidation closes every kept file of the path
        long misses = counter("page.misses");
        assertThat(engine.getIfCached("/f", version, 0)).isEmpty();
        assertThat(counter("page.misses")).isEqualTo(misses);
        assertThat(read(engine, "/f", version, 3)).isEqualTo(content("/f", version, PAGE, 3));
        assertThat(engine.openPageFiles()).isEqualTo(3);
        engine.invalidate("/f");
        assertThat(engine.openPageFiles()).isZero();
        assertThat(engine.getIfCached("/f", version, 1)).isEmpty();

        // another version of the path is served from its own files, never from a kept one
        FileVersion changed =
                new FileVersion(10 * PAGE, Optional.of(Instant.parse("2026-05-01T00:00:00Z")), Optional.empty());
        put(engine, "/f", changed, 1);
        assertThat(read(engine, "/f", changed, 1)).isEqualTo(content("/f", changed, PAGE, 1));
        assertThat(read(engine, "/f", changed, 1)).isEqualTo(content("/f", changed, PAGE, 1));
        assertThat(engine.openPageFiles()).isEqualTo(1);
        // asking for the old version again drops the path (the UFS file changed back): its file closes
        assertThat(read(engine, "/f", version, 1)).isNull();
        assertThat(engine.openPageFiles()).isZero();
        put(engine, "/f", version, 2);
        assertThat(read(engine, "/f", version, 2)).isEqualTo(content("/f", version, PAGE, 2));
        assertThat(engine.openPageFiles()).isEqualTo(1);
        engine.close();
        assertThat(engine.openPageFiles()).isZero();
    }

    @Test
    void testOpenPageFilesAreBounded() {
        int pages = CacheEngine.OPEN_PAGE_FILES + 50;
        CacheEngine engine = open(ssd(pages));
        FileVersion version = version((long) pages * PAGE);
        for (int page = 0; page < pages; page++) {
            put(engine, "/big", version, page);
            assertThat(read(engine, "/big", version, page)).isEqualTo(content("/big", version, PAGE, page));
        }
        assertThat(engine.openPageFiles()).isEqualTo(CacheEngine.OPEN_PAGE_FILES);
        // pages whose file was let go are opened again
        for (int page = 0; page < pages; page++) {
            assertThat(read(engine, "/big", version, page)).isEqualTo(content("/big", version, PAGE, page));
        }
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testPutOfACachedPageLeavesItAlone() {
        CacheEngine engine = open(ssd(10));
        FileVersion version = version(1000);
        assertThat(put(engine, "/f", version, 0)).isTrue();
        byte[] other = new byte[PAGE];
        assertThat(engine.put("/f", version, 0, other, PAGE)).isTrue();
        assertThat(read(engine, "/f", version, 0)).isEqualTo(content("/f", version, PAGE, 0));
        assertThat(counter("page.puts")).isEqualTo(1);
    }

    @Test
    void testRejectsPagesOutsideTheFileAndWrongLengths() {
        CacheEngine engine = open(ssd(10));
        FileVersion version = version(1500);
        assertThatThrownBy(() -> engine.put("/f", version, 2, new byte[PAGE], PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the file");
        assertThatThrownBy(() -> engine.put("/f", version, 1, new byte[PAGE], PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 500 bytes");
        assertThatThrownBy(() -> engine.get("/f", version, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.get("/empty", version(0), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.cachedPaths()).isEmpty();
    }

    @Test
    void testAnotherVersionDropsThePagesAndIsNeverServed() throws IOException, InterruptedException {
        CacheEngine engine = open(ssd(100));
        FileVersion first = version(3000);
        for (int page = 0; page < 3; page++) {
            put(engine, "/f", first, page);
        }
        Path directory = onlyEntryDirectory(temp.resolve("ssd"));
        // same length, newer modification time: the UFS file changed
        FileVersion changed =
                new FileVersion(3000, Optional.of(Instant.parse("2026-05-01T00:00:00Z")), first.fingerprint());
        assertThat(engine.get("/f", changed, 0)).isEmpty();
        assertThat(engine.get("/f", first, 1)).isEmpty();
        assertThat(engine.cachedFile("/f")).isEmpty();
        assertThat(evictions("invalidation")).isEqualTo(3);
        engine.awaitMaintenance();
        assertThat(directory).doesNotExist();
        // a different fingerprint alone is another version too
        put(engine, "/f", changed, 0);
        FileVersion otherTag = new FileVersion(3000, changed.lastModified(), Optional.of("etag-2"));
        assertThat(engine.contains("/f", changed, 0)).isTrue();
        assertThat(put(engine, "/f", otherTag, 1)).isTrue();
        assertThat(engine.contains("/f", changed, 0)).isFalse();
        assertThat(read(engine, "/f", otherTag, 1)).isEqualTo(content("/f", otherTag, PAGE, 1));
        assertThat(engine.tiers().get(0).usedBytes()).isEqualTo(PAGE);
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testInvalidateDropsEveryPageOfThePath() {
        CacheEngine engine = open(ssd(100));
        FileVersion version = version(5000);
        for (int page = 0; page < 5; page++) {
            put(engine, "/d/f", version, page);
        }
        put(engine, "/d/g", version, 0);
        engine.invalidate("/d/f");
        engine.invalidate("/never/cached");
        assertThat(engine.cachedPaths()).containsExactly("/d/g");
        for (int page = 0; page < 5; page++) {
            assertThat(engine.get("/d/f", version, page)).isEmpty();
        }
        assertThat(engine.tiers().get(0).usedBytes()).isEqualTo(PAGE);
        assertThat(evictions("invalidation")).isEqualTo(5);
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testLeastRecentlyUsedPageIsEvictedFirst() {
        CacheEngine engine = open(ssd(3));
        FileVersion version = version(10 * PAGE);
        put(engine, "/f", version, 0);
        put(engine, "/f", version, 1);
        put(engine, "/f", version, 2);
        assertThat(engine.lruOrder(0)).containsExactly("/f#0", "/f#1", "/f#2");
        read(engine, "/f", version, 0); // 1 is now the least recently used
        assertThat(engine.lruOrder(0)).containsExactly("/f#1", "/f#2", "/f#0");
        assertThat(put(engine, "/f", version, 3)).isTrue();
        assertThat(engine.contains("/f", version, 1)).isFalse();
        assertThat(engine.lruOrder(0)).containsExactly("/f#2", "/f#0", "/f#3");
        // contains() does not touch
        engine.contains("/f", version, 2);
        put(engine, "/f", version, 4);
        assertThat(engine.lruOrder(0)).containsExactly("/f#0", "/f#3", "/f#4");
        assertThat(evictions("capacity")).isEqualTo(2);
        assertThat(engine.tiers().get(0).usedBytes()).isEqualTo(3 * PAGE);
    }

    @Test
    void testLowerRanksAreEvictedFirst() {
        CacheEngine engine = open(ssd(4));
        engine.addRankPolicy(path -> path.startsWith("/low/")
                ? OptionalInt.of(EvictionRankPolicy.LOW)
                : path.startsWith("/high/") ? OptionalInt.of(EvictionRankPolicy.HIGH) : OptionalInt.empty());
        FileVersion version = version(10 * PAGE);
        put(engine, "/high/f", version, 0);
        put(engine, "/low/f", version, 0);
        put(engine, "/mid/f", version, 0);
        put(engine, "/low/f", version, 1);
        // the low pages are the most recently used, yet go first; then the default rank
        read(engine, "/low/f", version, 0);
        put(engine, "/high/f", version, 1);
        assertThat(engine.contains("/low/f", version, 1)).isFalse();
        assertThat(engine.contains("/low/f", version, 0)).isTrue();
        put(engine, "/high/f", version, 2);
        assertThat(engine.contains("/low/f", version, 0)).isFalse();
        put(engine, "/high/f", version, 3);
        assertThat(engine.contains("/mid/f", version, 0)).isFalse();
        assertThat(engine.cachedPaths()).containsExactly("/high/f");
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testRanksAreAskedAgainWhenPoliciesChange() {
        CacheEngine engine = open(ssd(3));
        FileVersion version = version(10 * PAGE);
        put(engine, "/a", version, 0);
        put(engine, "/b", version, 0);
        put(engine, "/c", version, 0);
        List<String> lowest = new CopyOnWriteArrayList<>(List.of("/c"));
        EvictionRankPolicy policy =
                path -> lowest.contains(path) ? OptionalInt.of(EvictionRankPolicy.LOWEST) : OptionalInt.empty();
        engine.addRankPolicy(policy);
        engine.reevaluateNow();
        assertThat(engine.checkConsistency()).isEmpty();
        put(engine, "/d", version, 0);
        assertThat(engine.cachedPaths()).containsExactlyInAnyOrder("/a", "/b", "/d");
        lowest.add("/b");
        engine.policiesChanged();
        engine.reevaluateNow();
        put(engine, "/e", version, 0);
        assertThat(engine.cachedPaths()).containsExactlyInAnyOrder("/a", "/d", "/e");
        engine.removeRankPolicy(policy);
        engine.reevaluateNow();
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testSynchronousEvictionNeverExceedsTheCapacity() {
        CacheEngine engine = open(ssd(5));
        FileVersion version = version(50 * PAGE + 10);
        for (int page = 0; page <= 50; page++) {
            assertThat(put(engine, "/big", version, page)).isTrue();
            assertThat(engine.tiers().get(0).usedBytes()).isLessThanOrEqualTo(5 * PAGE);
        }
        assertThat(engine.tiers().get(0).pages()).isEqualTo(5);
        assertThat(evictions("capacity")).isEqualTo(46);
        try (Stream<Path> files = Files.walk(temp.resolve("ssd/pages"))) {
            assertThat(files.filter(file -> file.getFileName().toString().matches("\\d+_\\d+")))
                    .hasSize(5);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testPageLargerThanEveryTierIsRefused() {
        StoreSettings settings = new StoreSettings(
                PAGE,
                List.of(new TierSpec("SSD", temp.resolve("tiny"), 500)),
                0.95,
                0.7,
                Duration.ofHours(1),
                Duration.ofHours(1));
        CacheEngine engine = new CacheEngine(settings, metrics, clock);
        opened.add(engine);
        assertThat(put(engine, "/f", version(PAGE), 0)).isFalse();
        assertThat(engine.cachedPaths()).isEmpty();
        assertThat(counter("page.write.failures")).isEqualTo(1);
    }

    @Test
    void testBackgroundEvictionGoesFromTheHighWatermarkToTheLowOne() throws InterruptedException {
        CacheEngine engine = open(0.8, 0.5, ssd(10));
        FileVersion version = version(10 * PAGE);
        for (int page = 0; page < 8; page++) {
            put(engine, "/f", version, page);
        }
        engine.awaitMaintenance();
        assertThat(engine.tiers().get(0).pages())
                .as("at the high watermark, not above it")
                .isEqualTo(8);
        read(engine, "/f", version, 0);
        put(engine, "/f", version, 8); // 9 pages > 80 %: the write wakes the evictor
        engine.awaitMaintenance();
        assertThat(engine.tiers().get(0).usedBytes()).isEqualTo(5 * PAGE);
        assertThat(evictions("watermark")).isEqualTo(4);
        // the least recently used went: 1..4; 0 was read, 5..8 are newer
        for (int page : new int[] {0, 5, 6, 7, 8}) {
            assertThat(engine.contains("/f", version, page)).as("page " + page).isTrue();
        }
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testNewPagesGoToTheFirstTierAndAreDemotedToTheNext() throws InterruptedException {
        TierSpec mem = new TierSpec("MEM", temp.resolve("mem"), 4 * PAGE);
        TierSpec ssd = new TierSpec("SSD", temp.resolve("ssd"), 10 * PAGE);
        CacheEngine engine = open(0.75, 0.5, mem, ssd);
        FileVersion version = version(20 * PAGE);
        put(engine, "/f", version, 0);
        put(engine, "/f", version, 1);
        put(engine, "/f", version, 2);
        engine.awaitMaintenance();
        assertThat(engine.tiers().get(0).pages()).isEqualTo(3);
        assertThat(engine.tiers().get(1).pages()).isZero();
        put(engine, "/f", version, 3); // MEM at 4/4 > 75 %: demote down to 2 pages
        engine.awaitMaintenance();
        assertThat(engine.tiers().get(0).pages()).isEqualTo(2);
        assertThat(engine.tiers().get(1).pages()).isEqualTo(2);
        assertThat(engine.lruOrder(1)).containsExactly("/f#0", "/f#1");
        assertThat(counter("page.demotions")).isEqualTo(2);
        for (int page = 0; page < 4; page++) {
            assertThat(read(engine, "/f", version, page)).isEqualTo(content("/f", version, PAGE, page));
        }
        // MEM full and SSD over its high watermark: SSD drops, then MEM demotes into the room
        for (int page = 4; page < 14; page++) {
            put(engine, "/f", version, page);
            engine.awaitMaintenance();
        }
        TierUsage memory = engine.tiers().get(0);
        TierUsage disk = engine.tiers().get(1);
        assertThat(memory.usedBytes()).isLessThanOrEqualTo(3 * PAGE);
        assertThat(disk.usedBytes()).isLessThanOrEqualTo(8 * PAGE);
        assertThat(evictions("watermark")).isPositive();
        for (int page = 10; page < 14; page++) {
            assertThat(engine.contains("/f", version, page)).as("page " + page).isTrue();
        }
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testWhenEveryTierIsFullTheLastTierMakesRoom() {
        TierSpec mem = new TierSpec("MEM", temp.resolve("mem"), 2 * PAGE);
        TierSpec ssd = new TierSpec("SSD", temp.resolve("ssd"), 2 * PAGE);
        CacheEngine engine = open(1.0, 0.9, mem, ssd);
        FileVersion version = version(20 * PAGE);
        for (int page = 0; page < 4; page++) {
            put(engine, "/f", version, page);
        }
        assertThat(engine.lruOrder(0)).containsExactly("/f#0", "/f#1");
        assertThat(engine.lruOrder(1)).containsExactly("/f#2", "/f#3");
        put(engine, "/f", version, 4);
        assertThat(engine.lruOrder(0)).containsExactly("/f#0", "/f#1");
        assertThat(engine.lruOrder(1)).containsExactly("/f#3", "/f#4");
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testPagesSurviveARestartAndAreVerifiedOnTheirFirstRead() throws IOException {
        CacheEngine engine = open(ssd(100));
        FileVersion version = version(2500);
        FileVersion plain = new FileVersion(700, Optional.empty(), Optional.empty());
        for (int page = 0; page < 3; page++) {
            put(engine, "/a/f", version, page);
        }
        put(engine, "/b/\u00e9t\u00e9 file", plain, 0);
        engine.close();

        CacheEngine reopened = open(ssd(100));
        assertThat(reopened.cachedPaths()).containsExactlyInAnyOrder("/a/f", "/b/\u00e9t\u00e9 file");
        assertThat(reopened.tiers().get(0).usedBytes()).isEqualTo(3200);
        for (int page = 0; page < 3; page++) {
            assertThat(read(reopened, "/a/f", version, page)).isEqualTo(content("/a/f", version, PAGE, page));
        }
        assertThat(read(reopened, "/b/\u00e9t\u00e9 file", plain, 0))
                .isEqualTo(content("/b/\u00e9t\u00e9 file", plain, PAGE, 0));
        assertThat(counter("page.torn")).isZero();
        // the version was persisted exactly: another version is still a miss and drops the pages
        assertThat(reopened.get("/a/f", version(2500 + 1), 0)).isEmpty();
        assertThat(reopened.cachedPaths()).containsExactly("/b/\u00e9t\u00e9 file");
        assertThat(reopened.checkConsistency()).isEmpty();
    }

    @Test
    void testTornPagesAreDroppedNotServed() throws IOException {
        CacheEngine engine = open(ssd(100));
        FileVersion version = version(4 * PAGE);
        for (int page = 0; page < 4; page++) {
            put(engine, "/f", version, page);
        }
        engine.close();
        Path directory = onlyEntryDirectory(temp.resolve("ssd"));
        // page 0: truncated (crash during a write); 1: one flipped byte; 2: garbage of the right length; 3: whole
        try (FileChannel channel = FileChannel.open(pageFile(directory, 0), StandardOpenOption.WRITE)) {
            channel.truncate(PAGE / 2);
        }
        byte[] flipped = Files.readAllBytes(pageFile(directory, 1));
        flipped[123] ^= 0x40;
        Files.write(pageFile(directory, 1), flipped);
        Files.write(pageFile(directory, 2), new byte[PAGE + PageFiles.TRAILER]);

        CacheEngine reopened = open(ssd(100));
        assertThat(reopened.tiers().get(0).pages()).as("not read at start").isEqualTo(4);
        assertThat(reopened.get("/f", version, 0)).isEmpty();
        assertThat(reopened.get("/f", version, 1)).isEmpty();
        assertThat(reopened.get("/f", version, 2)).isEmpty();
        assertThat(read(reopened, "/f", version, 3)).isEqualTo(content("/f", version, PAGE, 3));
        assertThat(counter("page.torn")).isEqualTo(3);
        assertThat(reopened.tiers().get(0).pages()).isEqualTo(1);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "meta", pageFile(directory, 3).getFileName().toString());
        }
        // a dropped page can be cached again and is served
        assertThat(put(reopened, "/f", version, 1)).isTrue();
        assertThat(read(reopened, "/f", version, 1)).isEqualTo(content("/f", version, PAGE, 1));
        assertThat(reopened.checkConsistency()).isEmpty();
    }

    @Test
    void testLeftoversOfACrashAreRemovedAtStart() throws IOException {
        CacheEngine engine = open(ssd(100));
        FileVersion version = version(2 * PAGE);
        put(engine, "/f", version, 0);
        put(engine, "/g", version, 0);
        engine.close();
        Path ssd = temp.resolve("ssd");
        Path kept = entryDirectory(ssd, "/f");
        Path withoutMeta = entryDirectory(ssd, "/g");
        Files.delete(withoutMeta.resolve("meta")); // a crash while the entry was being removed
        Files.write(kept.resolve("1.17.tmp"), new byte[10]); // a crash during a write
        Files.write(kept.resolve("meta.18.tmp"), new byte[3]);
        Files.write(kept.resolve("7_1780000000"), new byte[3]); // a page outside the file
        Path torn = ssd.resolve("pages/00/00000000000000aa");
        Files.createDirectories(torn);
        Files.write(torn.resolve("meta"), new byte[] {1, 2, 3}); // a torn meta file
        Files.write(torn.resolve("0_1780000000"), new byte[PAGE]);

        CacheEngine reopened = open(ssd(100));
        assertThat(reopened.cachedPaths()).containsExactly("/f");
        assertThat(withoutMeta).doesNotExist();
        assertThat(torn).doesNotExist();
        try (Stream<Path> files = Files.list(kept)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "meta", pageFile(kept, 0).getFileName().toString());
        }
        assertThat(read(reopened, "/f", version, 0)).isEqualTo(content("/f", version, PAGE, 0));
    }

    @Test
    void testOfTwoVersionsOfAPathLeftByACrashTheNewerIsKept() throws IOException {
        CacheEngine engine = open(ssd(100));
        FileVersion old = version(2 * PAGE);
        put(engine, "/f", old, 0);
        put(engine, "/f", old, 1);
        engine.close();
        Path oldDirectory = onlyEntryDirectory(temp.resolve("ssd"));
        // the directory of a newer version, written before the crash removed the old one
        FileVersion newer = new FileVersion(PAGE, Optional.of(Instant.parse("2026-07-01T00:00:00Z")), Optional.empty());
        long key = 0x7700000000000001L;
        Path newDirectory = temp.resolve("ssd/pages/77/7700000000000001");
        Files.createDirectories(newDirectory);
        MetaFile meta = new MetaFile(key, PAGE, clock.millis() + 1000, "/f", newer);
        meta.write(newDirectory, "meta.1.tmp");
        byte[] bytes = content("/f", newer, PAGE, 0);
        PageFiles.write(newDirectory.resolve(PageFiles.name(0, clock.millis() / 1000)), bytes, bytes.length);

        CacheEngine reopened = open(ssd(100));
        assertThat(reopened.cachedFile("/f")).contains(new CachedFile("/f", newer, 1, PAGE));
        assertThat(read(reopened, "/f", newer, 0)).isEqualTo(bytes);
        assertThat(oldDirectory).doesNotExist();
        assertThat(reopened.tiers().get(0).usedBytes()).isEqualTo(PAGE);
        assertThat(reopened.checkConsistency()).isEmpty();
    }

    @Test
    void testAPageFoundOnTwoTiersIsKeptOnce() throws IOException {
        TierSpec mem = new TierSpec("MEM", temp.resolve("mem"), 10L * PAGE);
        CacheEngine engine = open(mem, ssd(10));
        FileVersion version = version(2 * PAGE);
        put(engine, "/f", version, 0);
        put(engine, "/f", version, 1);
        engine.close();
        // a crash during a demotion: the copy is in place on SSD, the original not yet deleted
        Path memDirectory = onlyEntryDirectory(temp.resolve("mem"));
        Path ssdDirectory = temp.resolve("ssd").resolve(temp.resolve("mem").relativize(memDirectory));
        Files.createDirectories(ssdDirectory);
        Files.copy(memDirectory.resolve("meta"), ssdDirectory.resolve("meta"));
        Files.copy(
                pageFile(memDirectory, 0),
                ssdDirectory.resolve(pageFile(memDirectory, 0).getFileName()));

        CacheEngine reopened = open(mem, ssd(10));
        assertThat(reopened.tiers().stream().mapToLong(TierUsage::pages).sum()).isEqualTo(2);
        assertThat(reopened.tiers().get(0).pages()).isEqualTo(2);
        try (Stream<Path> files = Files.list(ssdDirectory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("meta");
        }
        assertThat(read(reopened, "/f", version, 0)).isEqualTo(content("/f", version, PAGE, 0));
        assertThat(reopened.checkConsistency()).isEmpty();
    }

    @Test
    void testAChangedPageSizeDropsTheOldPages() {
        CacheEngine engine = open(ssd(100));
        put(engine, "/f", version(3 * PAGE), 0);
        engine.close();
        StoreSettings bigger =
                new StoreSettings(2 * PAGE, List.of(ssd(100)), 0.95, 0.7, Duration.ofHours(1), Duration.ofHours(1));
        CacheEngine reopened = new CacheEngine(bigger, metrics, clock);
        opened.add(reopened);
        assertThat(reopened.cachedPaths()).isEmpty();
        assertThat(reopened.tiers().get(0).usedBytes()).isZero();
    }

    @Test
    void testATierDirectoryServesOneCacheAtATime() {
        CacheEngine engine = open(ssd(10));
        assertThatThrownBy(() -> open(new TierSpec("MEM", temp.resolve("mem"), PAGE * 10L), ssd(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cache tier directory " + temp.resolve("ssd"))
                .hasMessageContaining("in use by another Strata process")
                .hasMessageContaining("strata.worker.cache.tiers");
        // the failed open released what it had locked
        engine.close();
        CacheEngine second = open(new TierSpec("MEM", temp.resolve("mem"), PAGE * 10L), ssd(10));
        assertThat(second.tiers()).hasSize(2);
    }

    @Test
    void testAdmissionPoliciesCanRefusePages() {
        CacheEngine engine = open(ssd(3));
        List<AdmissionRequest> asked = new ArrayList<>();
        engine.addAdmissionPolicy(request -> {
            asked.add(request);
            return !request.path().startsWith("/nocache/");
        });
        FileVersion version = version(10 * PAGE);
        assertThat(put(engine, "/nocache/f", version, 0)).isFalse();
        assertThat(engine.cachedPaths()).isEmpty();
        assertThat(put(engine, "/ok/f", version, 0)).isTrue();
        assertThat(counter("page.refusals")).isEqualTo(1);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).rank()).isEqualTo(EvictionRankPolicy.DEFAULT);
        assertThat(asked.get(1).lowestCachedRank()).isEmpty();
        assertThat(asked.get(1).needsEviction()).isFalse();

        // priority-style: a page ranked below everything cached is not cached when room is needed
        engine.addRankPolicy(
                path -> path.startsWith("/low/") ? OptionalInt.of(EvictionRankPolicy.LOW) : OptionalInt.empty());
        engine.addAdmissionPolicy(request -> !(request.needsEviction()
                && request.lowestCachedRank().isPresent()
                && request.rank() < request.lowestCachedRank().getAsInt()));
        put(engine, "/ok/f", version, 1);
        put(engine, "/ok/f", version, 2);
        assertThat(put(engine, "/low/f", version, 0)).isFalse();
        assertThat(put(engine, "/ok/f", version, 3)).isTrue();
        AdmissionRequest last = asked.get(asked.size() - 1);
        assertThat(last.lowestCachedRank()).hasValue(EvictionRankPolicy.DEFAULT);
        assertThat(last.needsEviction()).isTrue();
        // a policy that throws refuses
        engine.addAdmissionPolicy(request -> {
            throw new IllegalStateException("broken policy");
        });
        assertThat(put(engine, "/ok/f", version, 4)).isFalse();
    }

    @Test
    void testExpiredPagesAreNeverServedAndAreRemovedByTheScan() {
        CacheEngine engine = open(ssd(100));
        engine.addExpiryPolicy(
                path -> path.startsWith("/ttl/") ? Optional.of(Duration.ofSeconds(60)) : Optional.empty());
        engine.reevaluateNow();
        FileVersion version = version(3 * PAGE);
        put(engine, "/ttl/f", version, 0);
        put(engine, "/keep/f", version, 0);
        clock.advance(Duration.ofSeconds(30));
        put(engine, "/ttl/f", version, 1);
        clock.advance(Duration.ofSeconds(31)); // page 0 is 61 s old, page 1 31 s
        assertThat(engine.contains("/ttl/f", version, 0)).isFalse();
        assertThat(read(engine, "/ttl/f", version, 0)).isNull();
        assertThat(evictions("expiry")).isEqualTo(1);
        assertThat(read(engine, "/ttl/f", version, 1)).isNotNull();
        clock.advance(Duration.ofSeconds(30));
        engine.expireNow();
        assertThat(evictions("expiry")).isEqualTo(2);
        assertThat(engine.cachedPaths()).containsExactly("/keep/f");
        clock.advance(Duration.ofDays(365));
        engine.expireNow();
        assertThat(engine.cachedPaths()).containsExactly("/keep/f");
        // the shortest time to live wins, and policies apply to files cached before they came
        engine.addExpiryPolicy(path -> Optional.of(Duration.ofSeconds(10)));
        engine.reevaluateNow();
        assertThat(engine.cachedPaths()).isEmpty();
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testPuttingAnExpiredPageCachesItAgain() {
        CacheEngine engine = open(ssd(100));
        engine.addExpiryPolicy(path -> Optional.of(Duration.ofSeconds(60)));
        engine.reevaluateNow();
        FileVersion version = version(PAGE);
        put(engine, "/f", version, 0);
        clock.advance(Duration.ofSeconds(61));
        assertThat(engine.contains("/f", version, 0)).isFalse();
        assertThat(put(engine, "/f", version, 0)).isTrue();
        assertThat(evictions("expiry")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(read(engine, "/f", version, 0)).isEqualTo(content("/f", version, PAGE, 0));
        assertThat(engine.checkConsistency()).isEmpty();
    }

    @Test
    void testAfterARestartPagesExpireByTheirCacheTime() {
        CacheEngine engine = open(ssd(100));
        FileVersion version = version(2 * PAGE);
        put(engine, "/f", version, 0);
        clock.advance(Duration.ofSeconds(100));
        put(engine, "/f", version, 1);
        engine.close();
        clock.advance(Duration.ofSeconds(50));
        CacheEngine reopened = open(ssd(100));
        reopened.addExpiryPolicy(path -> Optional.of(Duration.ofSeconds(120)));
        reopened.reevaluateNow();
        assertThat(reopened.contains("/f", version, 0)).isFalse();
        assertThat(reopened.contains("/f", version, 1)).isTrue();
    }

    @Test
    void testUsageListenersAreToldTheBytesUnderTheirPrefixes() throws InterruptedException {
        CacheEngine engine = open(ssd(10));
        put(engine, "/a/b/f", version(2500), 0);
        put(engine, "/a/b/f", version(2500), 2);
        put(engine, "/a/g", version(PAGE), 0);
        put(engine, "/ab/h", version(PAGE), 0);
        Map<String, Long> totals = new ConcurrentHashMap<>();
        List<String> calls = new CopyOnWriteArrayList<>();
        CacheUsageListener listener = (prefix, bytes) -> {
            calls.add(prefix + "=" + bytes);
            totals.put(prefix, bytes);
        };
        engine.addUsageListener(listener, List.of("/a", "/a/b/", "/", "/none"));
        engine.awaitMaintenance();
        assertThat(totals)
                .containsExactlyInAnyOrderEntriesOf(Map.of("/a", 2500L, "/a/b/", 1500L, "/", 3500L, "/none", 0L));

        put(engine, "/a/b/f", version(2500), 1);
        engine.awaitMaintenance();
        assertThat(totals)
                .containsEntry("/a", 3500L)
                .containsEntry("/a/b/", 2500L)
                .containsEntry("/", 4500L);
        engine.invalidate("/a/b/f");
        engine.awaitMaintenance();
        assertThat(totals).containsEntry("/a", 1000L).containsEntry("/a/b/", 0L).containsEntry("/", 2000L);
        // eviction counts too
        for (int page = 0; page < 9; page++) {
            put(engine, "/z", version(9 * PAGE), page);
        }
        engine.awaitMaintenance();
        assertThat(totals).containsEntry("/a", 0L).containsEntry("/", 10L * PAGE);

        // new prefixes replace the old ones, with their current totals
        engine.addUsageListener(listener, List.of("/z"));
        engine.awaitMaintenance();
        assertThat(totals).containsEntry("/z", 9L * PAGE);
        calls.clear();
        put(engine, "/a/g", version(PAGE), 0); // evicts /ab/h, the least recently used
        engine.awaitMaintenance();
        assertThat(calls).isEmpty();
        put(engine, "/a/k", version(PAGE), 0); // evicts page 0 of /z
        engine.awaitMaintenance();
        assertThat(calls).containsExactly("/z=" + 8L * PAGE);
        engine.removeUsageListener(listener);
        calls.clear();
        engine.invalidate("/z");
        engine.awaitMaintenance();
        assertThat(calls).isEmpty();
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        byte[] slice = new byte[length];
        System.arraycopy(bytes, offset, slice, 0, length);
        return slice;
    }

    static Path onlyEntryDirectory(Path tier) throws IOException {
        try (Stream<Path> files = Files.walk(tier.resolve("pages"), 2)) {
            List<Path> directories = files.filter(
                            path -> path.getNameCount() == tier.resolve("pages").getNameCount() + 2)
                    .toList();
            assertThat(directories).hasSize(1);
            return directories.get(0);
        }
    }

    static Path entryDirectory(Path tier, String path) throws IOException {
        try (Stream<Path> files = Files.walk(tier.resolve("pages"), 2)) {
            for (Path directory : files.filter(
                            file -> file.getNameCount() == tier.resolve("pages").getNameCount() + 2)
                    .toList()) {
                if (MetaFile.read(directory)
                        .map(meta -> meta.path().equals(path))
                        .orElse(false)) {
                    return directory;
                }
            }
        }
        throw new AssertionError("no directory for " + path);
    }

    static Path pageFile(Path directory, int page) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(page + "_"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no page " + page + " in " + directory));
        }
    }
}
