package io.strata.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.strata.cache.FileVersion;
import io.strata.cache.TierUsage;
import io.strata.cache.spi.CacheUsageListener;
import io.strata.spi.NodeInfo;
import io.strata.spi.Role;
import io.strata.testing.TestingNodeInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestPageCacheService {
    @TempDir
    Path data;

    @Test
    void testOpensTheConfiguredTiersUnderTheDataDirAndRemovesItsMetricsWhenClosed() {
        MetricRegistry metrics = new MetricRegistry();
        PageCacheService service = new PageCacheService(
                worker(),
                node(data),
                metrics,
                TestCacheSettings.config("64KiB", "MEM:mem:1MiB,SSD:cache:4MiB", 0.95, 0.7));
        try {
            assertThat(service.pageSize()).isEqualTo(64 * 1024);
            assertThat(service.tiers())
                    .containsExactly(
                            new TierUsage("MEM0", "MEM", 0, data.resolve("mem"), 1 << 20, 0, 0),
                            new TierUsage("SSD1", "SSD", 1, data.resolve("cache"), 4 << 20, 0, 0));
            assertThat(data.resolve("cache/.lock")).exists();
            assertThat(metrics.getNames())
                    .contains(
                            "strata.worker.cache.page.hits",
                            "strata.worker.cache.page.misses",
                            "strata.worker.cache.page.evictions{reason=capacity}",
                            "strata.worker.cache.page.evictions{reason=watermark}",
                            "strata.worker.cache.page.evictions{reason=expiry}",
                            "strata.worker.cache.page.evictions{reason=invalidation}",
                            "strata.worker.cache.tier.used.bytes{tier=MEM0}",
                            "strata.worker.cache.tier.pages{tier=SSD1}",
                            "strata.worker.cache.tier.capacity.bytes{tier=SSD1}");
            assertThat(metrics.getGauges()
                            .get("strata.worker.cache.tier.capacity.bytes{tier=SSD1}")
                            .getValue())
                    .isEqualTo(4L << 20);

            FileVersion version = new FileVersion(100, Optional.of(Instant.EPOCH), Optional.empty());
            assertThat(service.put("/f", version, 0, new byte[100], 100)).isTrue();
            assertThat(service.get("/f", version, 0)).isPresent();
            assertThat(metrics.getGauges()
                            .get("strata.worker.cache.tier.used.bytes{tier=MEM0}")
                            .getValue())
                    .isEqualTo(100L);

            // usage listeners get their prefixes from the service property
            Map<String, Long> totals = new ConcurrentHashMap<>();
            CacheUsageListener listener = totals::put;
            service.addUsageListener(listener, Map.of(CacheUsageListener.PREFIXES, new String[] {"/", "/g"}));
            service.engine().awaitMaintenance();
            assertThat(totals).containsExactlyInAnyOrderEntriesOf(Map.of("/", 100L, "/g", 0L));
            service.updatedUsageListener(listener, Map.of(CacheUsageListener.PREFIXES, List.of("/f")));
            service.engine().awaitMaintenance();
            assertThat(totals).containsEntry("/f", 100L);
            service.removeUsageListener(listener);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            service.close();
        }
        assertThat(metrics.getNames()).isEmpty();
        // the lock is released: the cache opens again and finds its page
        PageCacheService again = new PageCacheService(
                worker(),
                node(data),
                new MetricRegistry(),
                TestCacheSettings.config("64KiB", "MEM:mem:1MiB,SSD:cache:4MiB", 0.95, 0.7));
        try {
            assertThat(again.cachedPaths()).containsExactly("/f");
        } finally {
            again.close();
        }
    }

    @Test
    void testABadValueStopsTheServiceWithTheKey() {
        assertThatThrownBy(() -> new PageCacheService(
                        worker(),
                        node(data),
                        new MetricRegistry(),
                        TestCacheSettings.config("1MiB", "SSD:cache", 0.95, 0.7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid value 'SSD:cache' for strata.worker.cache.tiers: 'SSD:cache' is not MEDIUM:directory:capacity");
    }

    @Test
    void testUsagePrefixesOfTheServiceProperty() {
        Object listener = new Object();
        assertThat(PageCacheService.prefixes(listener, Map.of(CacheUsageListener.PREFIXES, "/a")))
                .containsExactly("/a");
        assertThat(PageCacheService.prefixes(
                        listener, Map.of(CacheUsageListener.PREFIXES, new String[] {"/a", " ", "/b"})))
                .containsExactly("/a", "/b");
        assertThat(PageCacheService.prefixes(listener, Map.of())).isEmpty();
    }

    private static Role worker() {
        return () -> Role.WORKER;
    }

    private static NodeInfo node(Path dataDir) {
        return TestingNodeInfo.worker(dataDir, 0);
    }
}
