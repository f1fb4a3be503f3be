package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The engine's settings, checked.
 *
 * @param pageSize bytes per page (every page but a file's last)
 * @param tiers the tiers in placement order (level 0 first)
 * @param highWatermark the fraction of a tier's capacity above which background eviction starts
 * @param lowWatermark the fraction background eviction brings a tier down to
 * @param evictionInterval how often the background evictor checks the watermarks (it is also woken
 *     when a write crosses the high watermark)
 * @param expiryInterval how often expired pages are looked for
 */
public record StoreSettings(
        int pageSize,
        List<TierSpec> tiers,
        double highWatermark,
        double lowWatermark,
        Duration evictionInterval,
        Duration expiryInterval) {
    public StoreSettings {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        tiers = List.copyOf(requireNonNull(tiers, "tiers is null"));
        if (tiers.isEmpty() || tiers.size() > PageIndex.MAX_TIERS) {
            throw new IllegalArgumentException("between 1 and " + PageIndex.MAX_TIERS + " tiers, not " + tiers.size());
        }
        if (!(lowWatermark > 0 && lowWatermark < highWatermark && highWatermark <= 1)) {
            throw new IllegalArgumentException(
                    "watermarks must satisfy 0 < low < high <= 1, not low " + lowWatermark + " high " + highWatermark);
        }
        requireNonNull(evictionInterval, "evictionInterval is null");
        requireNonNull(expiryInterval, "expiryInterval is null");
        if (evictionInterval.isNegative() || evictionInterval.isZero()) {
            throw new IllegalArgumentException("evictionInterval must be positive");
        }
        if (expiryInterval.isNegative() || expiryInterval.isZero()) {
            throw new IllegalArgumentException("expiryInterval must be positive");
        }
    }
}
