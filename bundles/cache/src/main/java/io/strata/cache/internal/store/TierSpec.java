package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One configured tier.
 *
 * @param medium the medium alias, e.g. {@code MEM}, {@code SSD}, {@code HDD}
 * @param directory an absolute directory
 * @param capacityBytes the most page bytes it may hold
 */
public record TierSpec(String medium, Path directory, long capacityBytes) {
    public TierSpec {
        requireNonNull(medium, "medium is null");
        requireNonNull(directory, "directory is null");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacityBytes);
        }
    }
}
