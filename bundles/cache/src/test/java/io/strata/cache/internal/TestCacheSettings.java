package io.strata.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.cache.internal.store.StoreSettings;
import io.strata.cache.internal.store.TierSpec;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestCacheSettings {
    private static final Path DATA = Path.of("/var/lib/strata/data");

    @Test
    void testDefaults() {
        StoreSettings settings = CacheSettings.from(config("1MiB", "SSD:cache:10GiB", 0.95, 0.7), DATA);
        assertThat(settings.pageSize()).isEqualTo(1 << 20);
        assertThat(settings.tiers()).containsExactly(new TierSpec("SSD", DATA.resolve("cache"), 10L << 30));
        assertThat(settings.highWatermark()).isEqualTo(0.95);
        assertThat(settings.lowWatermark()).isEqualTo(0.7);
        assertThat(settings.evictionInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.expiryInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void testTiersInOrderWithUnitsAndAbsoluteOrRelativeDirectories() {
        StoreSettings settings = CacheSettings.from(
                config("64 KiB", " mem:/dev/shm/strata:1.5GB , SSD:cache/ssd:10G,HDD2:../disk:512m", 0.9, 0.5), DATA);
        assertThat(settings.pageSize()).isEqualTo(64 * 1024);
        assertThat(settings.tiers())
                .containsExactly(
                        new TierSpec("MEM", Path.of("/dev/shm/strata"), 3L << 29),
                        new TierSpec("SSD", DATA.resolve("cache/ssd"), 10L << 30),
                        new TierSpec("HDD2", Path.of("/var/lib/strata/disk"), 512L << 20));
    }

    @Test
    void testErrorsNameTheKey() {
        assertInvalid(
                config("1 parsec", "SSD:cache:1GiB", 0.95, 0.7),
                "Invalid value '1 parsec' for strata.worker.cache.page.size: '1 parsec' is not a size");
        assertInvalid(
                config("1KiB", "SSD:cache:1GiB", 0.95, 0.7),
                "strata.worker.cache.page.size: must be between 4KiB and 64MiB");
        assertInvalid(config("1MiB", "", 0.95, 0.7), "strata.worker.cache.tiers: at least one tier is needed");
        assertInvalid(
                config("1MiB", "cache:10GiB", 0.95, 0.7),
                "strata.worker.cache.tiers: 'cache:10GiB' is not MEDIUM:directory:capacity");
        assertInvalid(
                config("1MiB", "SSD:cache:lots", 0.95, 0.7),
                "strata.worker.cache.tiers: capacity of tier 'SSD:cache:lots'");
        assertInvalid(
                config("1MiB", "S-D:cache:1GiB", 0.95, 0.7),
                "strata.worker.cache.tiers: medium 'S-D' must be letters and digits");
        assertInvalid(
                config("1MiB", "SSD::1GiB", 0.95, 0.7), "strata.worker.cache.tiers: tier 'SSD::1GiB' has no directory");
        assertInvalid(
                config("1MiB", "SSD:cache:512KiB", 0.95, 0.7),
                "strata.worker.cache.tiers: capacity of tier 'SSD:cache:512KiB' is smaller than one page (1MiB)");
        assertInvalid(
                config("1MiB", "SSD:cache:1GiB,HDD:cache/more:1GiB", 0.95, 0.7),
                "strata.worker.cache.tiers: directories");
        assertInvalid(
                config("1MiB", "SSD:cache:1GiB", 1.5, 0.7),
                "strata.worker.cache.watermark.high: must be greater than 0 and at most 1");
        assertInvalid(
                config("1MiB", "SSD:cache:1GiB", 0.7, 0.7),
                "strata.worker.cache.watermark.low: must be greater than 0 and less than strata.worker.cache.watermark.high");
        assertInvalid(config("1MiB", "SSD:cache:1GiB", 0.9, 0.0), "strata.worker.cache.watermark.low");
    }

    @Test
    void testByteSizes() {
        assertThat(ByteSizes.parse("512")).isEqualTo(512);
        assertThat(ByteSizes.parse("512B")).isEqualTo(512);
        assertThat(ByteSizes.parse("4k")).isEqualTo(4096);
        assertThat(ByteSizes.parse("4KB")).isEqualTo(4096);
        assertThat(ByteSizes.parse("1 MiB")).isEqualTo(1 << 20);
        assertThat(ByteSizes.parse("2TiB")).isEqualTo(2L << 40);
        assertThat(ByteSizes.parse("0.5GiB")).isEqualTo(1L << 29);
        assertThatThrownBy(() -> ByteSizes.parse("-1GiB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSizes.parse("1iB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSizes.parse("99999999PiB")).hasMessageContaining("too large");
        assertThat(ByteSizes.format(1 << 20)).isEqualTo("1MiB");
        assertThat(ByteSizes.format(1536 * 1024)).isEqualTo("1536KiB");
        assertThat(ByteSizes.format(1000)).isEqualTo("1000B");
    }

    private static void assertInvalid(CacheConfig config, String message) {
        assertThatThrownBy(() -> CacheSettings.from(config, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    static CacheConfig config(String pageSize, String tiers, double high, double low) {
        return new CacheConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CacheConfig.class;
            }

            @Override
            public String cache_page_size() {
                return pageSize;
            }

            @Override
            public String cache_tiers() {
                return tiers;
            }

            @Override
            public double cache_watermark_high() {
                return high;
            }

            @Override
            public double cache_watermark_low() {
                return low;
            }

            @Override
            public long cache_eviction_interval_ms() {
                return 10_000;
            }

            @Override
            public long cache_expiry_check_interval_ms() {
                return 60_000;
            }
        };
    }

    static List<String> keys() {
        return List.of(
                CacheSettings.PAGE_SIZE,
                CacheSettings.TIERS,
                CacheSettings.WATERMARK_HIGH,
                CacheSettings.WATERMARK_LOW,
                CacheSettings.EVICTION_INTERVAL,
                CacheSettings.EXPIRY_INTERVAL);
    }
}
