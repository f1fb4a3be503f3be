package io.strata.cache.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.health.HealthCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The health of one cache tier directory: writes, reads back and deletes a small probe file in it
 * (a full or read-only device, a lost mount or wrong permissions all fail). The probe runs at most
 * once per {@value #PROBE_INTERVAL_MS} ms and its answer is shared meanwhile, so that health probes
 * (every request to {@code /api/v1/health}) do not each cost file-system writes.
 */
final class TierHealthCheck extends HealthCheck {
    private static final byte[] PROBE = "strata cache tier probe\n".getBytes(StandardCharsets.UTF_8);

    static final long PROBE_INTERVAL_MS = 5_000;

    private record Probe(Result result, long nanos) {}

    private final String tier;
    private final Path directory;
    private final long intervalNanos;
    private volatile Probe last;

    TierHealthCheck(String tier, Path directory) {
        this(tier, directory, PROBE_INTERVAL_MS);
    }

    TierHealthCheck(String tier, Path directory, long intervalMillis) {
        this.tier = requireNonNull(tier, "tier is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    @Override
    protected Result check() {
        Probe probe = last;
        if (probe != null && System.nanoTime() - probe.nanos() < intervalNanos) {
            return probe.result();
        }
        synchronized (this) {
            probe = last;
            if (probe != null && System.nanoTime() - probe.nanos() < intervalNanos) {
                return probe.result();
            }
            Result result = probe();
            last = new Probe(result, System.nanoTime());
            return result;
        }
    }

    private Result probe() {
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
