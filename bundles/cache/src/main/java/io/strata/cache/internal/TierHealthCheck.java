package io.strata.cache.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.health.HealthCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The health of one cache tier directory: writes, reads back and deletes a small probe file in it
 * (a full or read-only device, a lost mount or wrong permissions all fail).
 */
final class TierHealthCheck extends HealthCheck {
    private static final byte[] PROBE = "strata cache tier probe\n".getBytes(StandardCharsets.UTF_8);

    private final String tier;
    private final Path directory;

    TierHealthCheck(String tier, Path directory) {
        this.tier = requireNonNull(tier, "tier is null");
        this.directory = requireNonNull(directory, "directory is null");
    }

    @Override
    protected Result check() {
        Path probe = null;
        try {
            probe = Files.createTempFile(directory, ".health-", ".probe");
            Files.write(probe, PROBE);
            if (!Arrays.equals(Files.readAllBytes(probe), PROBE)) {
                return Result.unhealthy(
                        "Cache tier " + tier + " at " + directory + " returned other bytes than written");
            }
            return Result.healthy();
        } catch (IOException e) {
            return Result.unhealthy("Cache tier " + tier + " at " + directory + " cannot be written: " + e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // reported by the next check
                }
            }
        }
    }
}
