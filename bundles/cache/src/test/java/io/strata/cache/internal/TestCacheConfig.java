package io.strata.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.ConfigKeys;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestCacheConfig {
    private static final String PID = "strata.worker";
    private static final String PREFIX = "strata.worker.cache.";

    @Test
    void testDefaults() {
        Map<String, Object> defaults = ConfigKeys.defaults(CacheConfig.class, PID);
        assertThat(defaults)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "strata.worker.cache.page.size",
                        "1MiB",
                        "strata.worker.cache.tiers",
                        "SSD:cache:10GiB",
                        "strata.worker.cache.watermark.high",
                        0.95,
                        "strata.worker.cache.watermark.low",
                        0.7,
                        "strata.worker.cache.eviction.interval.ms",
                        10_000L,
                        "strata.worker.cache.expiry.check.interval.ms",
                        60_000L));
        assertThat(defaults.keySet()).containsExactlyInAnyOrderElementsOf(TestCacheSettings.keys());
    }

    /** Every key carries a description in the MetaType bnd generated (what /configs shows). */
    @Test
    void testEveryKeyIsDescribedAndWellFormed() throws IOException {
        ConfigKeys.assertDescribed(CacheConfig.class, PID, "strata\\.worker\\.cache(\\.[a-z0-9]+)+");
    }

    /** Every strata.worker.cache.* key the shipped site file mentions (set or commented out) is declared here, and every key is shipped. */
    @Test
    void testShippedKeysAreDeclared() throws IOException {
        assertThat(ConfigKeys.shipped(PREFIX))
                .containsExactlyInAnyOrderElementsOf(
                        ConfigKeys.defaults(CacheConfig.class, PID).keySet());
    }
}
