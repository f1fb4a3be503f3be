package io.strata.cache;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One tier of the cache as it is now.
 *
 * @param name the tier's name in metrics and logs: medium alias and level, e.g. {@code MEM0}, {@code SSD1}
 * @param medium the medium alias, e.g. {@code MEM} or {@code SSD}
 * @param level 0 for the first (fastest) tier, then 1, 2, ...
 * @param directory where its pages are stored
 * @param capacityBytes the most page bytes it holds
 * @param usedBytes the page bytes it holds now
 * @param pages the number of pages it holds now
 */
public record TierUsage(
        String name, String medium, int level, Path directory, long capacityBytes, long usedBytes, long pages) {
    public TierUsage {
        requireNonNull(name, "name is null");
        requireNonNull(medium, "medium is null");
        requireNonNull(directory, "directory is null");
    }
}
