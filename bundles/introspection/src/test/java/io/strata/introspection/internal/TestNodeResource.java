package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.introspection.StartTimeResponse;
import io.strata.api.v1.introspection.VersionResponse;
import io.strata.spi.NodeInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestNodeResource {
    private static final Instant START = Instant.parse("2025-01-02T13:04:05.678Z");

    /** The kernel's node facts, fixed. */
    private static final class TestingNodeInfo implements NodeInfo {
        @Override
        public String clusterName() {
            return "strata";
        }

        @Override
        public List<String> roles() {
            return List.of("coordinator", "worker");
        }

        @Override
        public String httpHost() {
            return "127.0.0.1";
        }

        @Override
        public int httpPort() {
            return 8470;
        }

        @Override
        public Path dataDir() {
            return Path.of("data");
        }

        @Override
        public Instant startTime() {
            return START;
        }

        @Override
        public String version() {
            return "1.2.3";
        }

        @Override
        public String gitCommit() {
            return "abc123";
        }
    }

    @Test
    void testVersionAndStartTime() {
        NodeResource resource = new NodeResource(new TestingNodeInfo());
        assertThat(resource.version()).isEqualTo(new VersionResponse("1.2.3", "abc123"));
        assertThat(resource.recentStartTime())
                .isEqualTo(new StartTimeResponse(NodeResource.startTime(START, ZoneId.systemDefault())));
    }

    @Test
    void testStartTimeIsLocalWithSecondResolution() {
        assertThat(NodeResource.startTime(START, ZoneId.of("UTC"))).isEqualTo("2025-01-02 13:04:05");
        assertThat(NodeResource.startTime(START, ZoneId.of("Asia/Shanghai"))).isEqualTo("2025-01-02 21:04:05");
    }
}
