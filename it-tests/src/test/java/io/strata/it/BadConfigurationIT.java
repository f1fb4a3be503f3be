package io.strata.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.strata.it.StrataProcess.CommandResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node that cannot start says which key to fix, exits non-zero (2 for bad configuration, 1 for
 * anything else) and leaves no process behind; {@code bin/strata start} then exits 1 with the log tail.
 */
final class BadConfigurationIT {
    private StrataProcess node;

    @BeforeEach
    void install() {
        node = StrataProcess.install(BadConfigurationIT.class);
    }

    @AfterEach
    void removeInstallation() {
        node.close();
    }

    @Test
    void testNonNumericPortInEnvironment() {
        String message = "strata: Invalid configuration:\n"
                + "Invalid value 'abc' for strata.http.port: expected an integer (environment variable STRATA_HTTP_PORT)\n";
        Map<String, String> environment = Map.of("STRATA_HTTP_PORT", "abc");

        CommandResult start = node.strata(environment, "start");
        assertFailedStart(start, message);

        CommandResult run = node.strata(environment, "run");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).contains(message);
        assertNoNode();
    }

    @Test
    void testUnknownKernelKeyInSiteFile() {
        node.siteProperty("strata.http.prot", "9000");
        String message = "strata: Invalid configuration:\n" + "Unknown key strata.http.prot ("
                + node.home().resolve("conf/strata-site.properties") + ")\n";

        CommandResult start = node.strata("start");
        assertFailedStart(start, message);

        CommandResult run = node.strata("run");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).contains(message);
        assertNoNode();
    }

    @Test
    void testHttpPortInUse() throws IOException {
        // another HTTP server holds the port (and answers, so only the node's exit ends the wait)
        HttpServer other =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), node.httpPort()), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        other.start();
        try {
            String message =
                    "strata: HTTP port " + node.httpPort() + " on 127.0.0.1 is already in use (strata.http.port)\n";
            CommandResult start = node.strata("start");
            assertFailedStart(start, message);

            CommandResult run = node.strata("run");
            assertThat(run.exitCode())
                    .as("not a configuration error: %s", run.describe())
                    .isEqualTo(1);
            assertThat(run.stderr()).contains(message);
            assertNoNode();
        } finally {
            other.stop(0);
        }
    }

    @Test
    void testZooKeeperPortInUse() throws IOException {
        try (ServerSocket other = new ServerSocket(node.zookeeperPort(), 50, InetAddress.getLoopbackAddress())) {
            String message = "strata: ZooKeeper port " + node.zookeeperPort()
                    + " on 127.0.0.1 is already in use (strata.zookeeper.embedded.port)\n";
            CommandResult start = node.strata("start");
            assertFailedStart(start, message);
        }
    }

    private void assertFailedStart(CommandResult start, String message) {
        assertThat(start.exitCode()).as(start.describe()).isEqualTo(1);
        assertThat(start.stdout()).isEmpty();
        assertThat(start.stderr())
                .startsWith("strata: the node exited during start-up\n")
                .contains(message);
        assertNoNode();
    }

    private void assertNoNode() {
        assertThat(node.nodeProcesses()).isEmpty();
        assertThat(node.pidFile()).doesNotExist();
    }
}
