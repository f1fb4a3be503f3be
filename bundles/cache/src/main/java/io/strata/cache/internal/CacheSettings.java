package io.strata.cache.internal;

import io.strata.cache.internal.store.StoreSettings;
import io.strata.cache.internal.store.TierSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns {@link CacheConfig} into checked {@link StoreSettings}; every error names its key. */
final class CacheSettings {
    static final String PAGE_SIZE = "strata.worker.cache.page.size";
    static final String TIERS = "strata.worker.cache.tiers";
    static final String WATERMARK_HIGH = "strata.worker.cache.watermark.high";
    static final String WATERMARK_LOW = "strata.worker.cache.watermark.low";
    static final String EVICTION_INTERVAL = "strata.worker.cache.eviction.interval.ms";
    static final String EXPIRY_INTERVAL = "strata.worker.cache.expiry.check.interval.ms";

    static final long MIN_PAGE_SIZE = 4 * 1024;
    static final long MAX_PAGE_SIZE = 64 * 1024 * 1024;

    private static final Pattern MEDIUM = Pattern.compile("[A-Z][A-Z0-9]{0,15}");

    private CacheSettings() {}

    /**
     * The settings of {@code config}, with relative tier directories under {@code dataDir}.
     *
     * @throws IllegalArgumentException with a message naming the key at fault
     */
    static StoreSettings from(CacheConfig config, Path dataDir) {
        long pageSize = size(PAGE_SIZE, config.cache_page_size());
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
            throw invalid(
                    PAGE_SIZE,
                    config.cache_page_size(),
                    "must be between " + ByteSizes.format(MIN_PAGE_SIZE) + " and " + ByteSizes.format(MAX_PAGE_SIZE));
        }
        List<TierSpec> tiers = tiers(config.cache_tiers(), dataDir, pageSize);
        double high = config.cache_watermark_high();
        double low = config.cache_watermark_low();
        if (!(high > 0 && high <= 1)) {
            throw invalid(WATERMARK_HIGH, String.valueOf(high), "must be greater than 0 and at most 1");
        }
        if (!(low > 0 && low < high)) {
            throw invalid(
                    WATERMARK_LOW,
                    String.valueOf(low),
                    "must be greater than 0 and less than " + WATERMARK_HIGH + " (" + high + ")");
        }
        if (config.cache_eviction_interval_ms() <= 0) {
            throw invalid(EVICTION_INTERVAL, String.valueOf(config.cache_eviction_interval_ms()), "must be positive");
        }
        if (config.cache_expiry_check_interval_ms() <= 0) {
            throw invalid(EXPIRY_INTERVAL, String.valueOf(config.cache_expiry_check_interval_ms()), "must be positive");
        }
        return new StoreSettings(
                (int) pageSize,
                tiers,
                high,
                low,
                Duration.ofMillis(config.cache_eviction_interval_ms()),
                Duration.ofMillis(config.cache_expiry_check_interval_ms()));
    }

    static List<TierSpec> tiers(String value, Path dataDir, long pageSize) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw invalid(TIERS, text, "at least one tier is needed, e.g. SSD:cache:10GiB");
        }
        List<TierSpec> tiers = new ArrayList<>();
        for (String part : text.split(",")) {
            String tier = part.strip();
            int first = tier.indexOf(':');
            int last = tier.lastIndexOf(':');
            if (first <= 0 || last == first || last == tier.length() - 1) {
                throw invalid(TIERS, text, "'" + tier + "' is not MEDIUM:directory:capacity");
            }
            String medium = tier.substring(0, first).strip().toUpperCase(Locale.ROOT);
            String directory = tier.substring(first + 1, last).strip();
            String capacity = tier.substring(last + 1).strip();
            if (!MEDIUM.matcher(medium).matches()) {
                throw invalid(TIERS, text, "medium '" + medium + "' must be letters and digits, e.g. MEM, SSD, HDD");
            }
            if (directory.isEmpty()) {
                throw invalid(TIERS, text, "tier '" + tier + "' has no directory");
            }
            Path path;
            try {
                path = dataDir.resolve(directory).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw invalid(TIERS, text, "'" + directory + "' is not a directory path");
            }
            long bytes;
            try {
                bytes = ByteSizes.parse(capacity);
            } catch (IllegalArgumentException e) {
                throw invalid(TIERS, text, "capacity of tier '" + tier + "': " + e.getMessage());
            }
            if (bytes < pageSize) {
                throw invalid(
                        TIERS,
                        text,
                        "capacity of tier '" + tier + "' is smaller than one page (" + ByteSizes.format(pageSize)
                                + ")");
            }
            for (TierSpec other : tiers) {
                if (path.startsWith(other.directory()) || other.directory().startsWith(path)) {
                    throw invalid(TIERS, text, "directories " + other.directory() + " and " + path + " overlap");
                }
            }
            tiers.add(new TierSpec(medium, path, bytes));
        }
        if (tiers.size() > 8) {
            throw invalid(TIERS, text, "at most 8 tiers");
        }
        return tiers;
    }

    private static long size(String key, String value) {
        try {
            return ByteSizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String problem) {
        return new IllegalArgumentException("Invalid value '" + value + "' for " + key + ": " + problem);
    }
}
