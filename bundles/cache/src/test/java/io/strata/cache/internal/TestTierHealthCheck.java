package io.strata.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestTierHealthCheck {
    @TempDir
    Path temp;

    @Test
    void testHealthyWhenTheDirectoryTakesWritesAndLeavesNoProbe() throws IOException {
        HealthCheck.Result result = new TierHealthCheck("SSD0", temp).execute();
        assertThat(result.isHealthy()).as(result.getMessage()).isTrue();
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void testUnhealthyWhenTheDirectoryIsGone() throws IOException {
        Path gone = temp.resolve("gone");
        HealthCheck.Result result = new TierHealthCheck("MEM0", gone).execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).startsWith("Cache tier MEM0 at " + gone + " cannot be written: ");
    }

    @Test
    void testTheProbeIsSharedWithinItsIntervalAndRunAgainAfterIt() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("tier"));
        TierHealthCheck shared = new TierHealthCheck("SSD0", directory, 60_000);
        assertThat(shared.execute().isHealthy()).isTrue();
        Files.delete(directory);
        // within the interval: the last probe's answer, no file-system work
        assertThat(shared.execute().isHealthy()).isTrue();

        TierHealthCheck every = new TierHealthCheck("SSD0", Files.createDirectories(directory), 0);
        assertThat(every.execute().isHealthy()).isTrue();
        Files.delete(directory);
        assertThat(every.execute().isHealthy()).isFalse();
    }
}
