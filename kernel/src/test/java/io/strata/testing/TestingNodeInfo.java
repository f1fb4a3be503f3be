package io.strata.testing;

import static java.util.Objects.requireNonNull;

import io.strata.spi.NodeInfo;
import io.strata.spi.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The kernel's {@link NodeInfo} for a component under test: a worker on 127.0.0.1 with a data dir. */
public record TestingNodeInfo(List<String> roles, String httpHost, int httpPort, Path dataDir) implements NodeInfo {
    public TestingNodeInfo {
        roles = List.copyOf(roles);
        requireNonNull(httpHost, "httpHost is null");
        requireNonNull(dataDir, "dataDir is null");
    }

    /** A worker node at {@code 127.0.0.1:<port>}. */
    public static TestingNodeInfo worker(Path dataDir, int port) {
        return new TestingNodeInfo(List.of(Role.WORKER), "127.0.0.1", port, dataDir);
    }

    @Override
    public String clusterName() {
        return "strata";
    }

    @Override
    public Instant startTime() {
        return Instant.EPOCH;
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public String gitCommit() {
        return "unknown";
    }
}
