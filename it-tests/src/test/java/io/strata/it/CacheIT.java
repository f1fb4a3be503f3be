package io.strata.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker page cache of the tarball (bundle {@code io.strata.cache}): it opens the configured
 * tiers on worker nodes only, publishes its metrics, keys and a health check per tier, and a node
 * whose cache cannot start (a tier directory another node holds, a bad value) is unhealthy with
 * the reason. (Reads through the cache are tested with the worker read path.)
 */
final class CacheIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private StrataProcess node;
    private StrataProcess other;

    @AfterEach
    void stopNodes() {
        if (other != null) {
            other.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testWorkerOpensTheConfiguredTiers() {
        node = StrataProcess.install(CacheIT.class);
        Path memory = node.scratchDir().resolve("mem");
        node.siteProperty("strata.worker.cache.tiers", "MEM:" + memory + ":64MiB,SSD:cache:1GiB");
        node.start();
        Map<String, Long> capacities = Poll.await(
                TIMEOUT,
                "the cache tiers in /metrics",
                () -> tierMetric(node, "capacity.bytes"),
                map -> map.size() == 2);
        assertThat(capacities).containsExactly(Map.entry("MEM0", 64L << 20), Map.entry("SSD1", 1L << 30));
        assertThat(tierMetric(node, "used.bytes")).containsExactly(Map.entry("MEM0", 0L), Map.entry("SSD1", 0L));
        assertThat(memory.resolve(".lock")).exists();
        assertThat(node.home().resolve("data/cache/.lock")).exists();
        assertThat(node.home().resolve("data/cache/pages")).isDirectory();
        JsonNode checks = Json.parse(node.get("/api/v1/health").body()).get("checks");
        assertThat(checks.get("cache tier MEM0").asText()).isEqualTo("ok");
        assertThat(checks.get("cache tier SSD1").asText()).isEqualTo("ok");

        JsonNode tiers =
                Json.parse(node.get("/config?name=strata.worker.cache.tiers").body());
        assertThat(tiers.get("value").asText()).isEqualTo("MEM:" + memory + ":64MiB,SSD:cache:1GiB");
        assertThat(tiers.get("description").asText()).startsWith("Cache tiers in placement order");
        JsonNode pageSize = Json.parse(
                node.get("/config?name=strata.worker.cache.page.size").body());
        assertThat(pageSize.get("value").asText()).isEqualTo("1MiB");
    }

    @Test
    void testDefaultTierAndOneNodePerTierDirectory() {
        node = StrataProcess.install(CacheIT.class);
        node.start();
        Map<String, Long> capacities = Poll.await(
                TIMEOUT,
                "the default tier in /metrics",
                () -> tierMetric(node, "capacity.bytes"),
                map -> !map.isEmpty());
        assertThat(capacities).containsExactly(Map.entry("SSD0", 10L << 30));
        Path tier = node.home().resolve("data/cache");
        assertThat(tier.resolve(".lock")).exists();
        JsonNode health = Json.parse(node.get("/api/v1/health").body());
        assertThat(health.get("checks").get("cache tier SSD0").asText()).isEqualTo("ok");

        // a second node on the same directory comes up without a cache and says why
        other = StrataProcess.install(CacheIT.class);
        other.siteProperty("strata.worker.cache.tiers", "SSD:" + tier + ":1GiB");
        assertUnhealthyStart(
                other,
                "Cache tier directory " + tier + " is in use by another Strata process (pid "
                        + node.nodePid().orElseThrow() + "); every node needs tier directories of its own"
                        + " (strata.worker.cache.tiers)");
        assertThat(tierMetric(other, "capacity.bytes")).isEmpty();
        assertThat(tierMetric(node, "capacity.bytes")).containsExactly(Map.entry("SSD0", 10L << 30));
    }

    @Test
    void testNoCacheOnACoordinator() {
        node = StrataProcess.install(CacheIT.class);
        node.siteProperty("strata.role", "coordinator");
        // not even a bad cache value matters: the cache needs the worker role
        node.siteProperty("strata.worker.cache.tiers", "SSD:cache");
        node.start();
        assertThat(node.get("/configs").body()).contains("strata.worker.cache.tiers");
        assertThat(tierMetric(node, "capacity.bytes")).isEmpty();
        String health = node.get("/api/v1/health").body();
        assertThat(health).doesNotContain("cache tier").doesNotContain("PageCacheService");
        assertThat(node.home().resolve("data/cache")).doesNotExist();
    }

    @Test
    void testABadTierValueIsReportedWithItsKey() {
        node = StrataProcess.install(CacheIT.class);
        node.siteProperty("strata.worker.cache.tiers", "SSD:cache");
        assertUnhealthyStart(
                node,
                "Invalid value 'SSD:cache' for strata.worker.cache.tiers: 'SSD:cache' is not MEDIUM:directory:capacity");
        assertThat(tierMetric(node, "capacity.bytes")).isEmpty();
        assertThat(node.log()).contains("The page cache cannot start: Invalid value 'SSD:cache'");
    }

    /** The node comes up unhealthy, and its health check names the cache's problem. */
    private static void assertUnhealthyStart(StrataProcess process, String problem) {
        StrataProcess.Launched run = process.launch(Map.of(), "run");
        HttpResponse<String> health = Poll.await(
                TIMEOUT,
                "GET /api/v1/health answers 503 naming the cache component (or the node exits)",
                () -> run.process().isAlive() ? process.get("/api/v1/health") : null,
                response -> response == null || response.body().contains("PageCacheService"));
        assertThat(health).as("the node exited: %s", process.logTail()).isNotNull();
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode component =
                Json.parse(health.body()).get("checks").get("component io.strata.cache.internal.PageCacheService");
        assertThat(component).as(health.body()).isNotNull();
        assertThat(component.asText()).startsWith("failed to activate").contains(problem);
    }

    /** {@code strata.worker.cache.tier.<name>} of every tier entity, by tier name. */
    private static Map<String, Long> tierMetric(StrataProcess process, String name) {
        // a node still starting its bundles may not serve /metrics yet
        HttpResponse<String> response = Poll.await(
                TIMEOUT,
                "GET /metrics answers 200",
                () -> process.get("/metrics?types=tier"),
                r -> r.statusCode() == 200);
        Map<String, Long> values = new LinkedHashMap<>();
        for (JsonNode entity : Json.parse(response.body()).get("entities")) {
            for (JsonNode metric : entity.get("metrics")) {
                if (metric.get("name").asText().equals("strata.worker.cache.tier." + name)) {
                    values.put(entity.get("id").asText(), metric.get("value").asLong());
                }
            }
        }
        return values;
    }
}
