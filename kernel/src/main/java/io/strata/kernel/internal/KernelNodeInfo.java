package io.strata.kernel.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.NodeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** This node's facts; version and commit come from the kernel jar's build.properties. */
record KernelNodeInfo(
        String clusterName,
        List<String> roles,
        String httpHost,
        int httpPort,
        Path dataDir,
        Instant startTime,
        String version,
        String gitCommit)
        implements NodeInfo {
    KernelNodeInfo {
        requireNonNull(clusterName, "clusterName is null");
        roles = List.copyOf(requireNonNull(roles, "roles is null"));
        requireNonNull(httpHost, "httpHost is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(version, "version is null");
        requireNonNull(gitCommit, "gitCommit is null");
    }

    static KernelNodeInfo of(String clusterName, List<String> roles, String httpHost, int httpPort, Path dataDir) {
        Properties build = new Properties();
        try (InputStream in = KernelNodeInfo.class.getResourceAsStream("/io/strata/kernel/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant start =
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return new KernelNodeInfo(
                clusterName,
                roles,
                httpHost,
                httpPort,
                dataDir,
                start,
                build.getProperty("version", "unknown"),
                clean(build.getProperty("commit", "unknown")));
    }

    private static String clean(String commit) {
        return commit.isBlank() || commit.startsWith("${") ? "unknown" : commit;
    }
}
