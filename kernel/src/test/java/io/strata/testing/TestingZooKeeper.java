package io.strata.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** A real ZooKeeper server on 127.0.0.1 and clients namespaced like the kernel's, for one test. */
public final class TestingZooKeeper implements AutoCloseable {
    private final TestingServer server;
    private final List<CuratorFramework> clients = new ArrayList<>();

    public TestingZooKeeper() throws Exception {
        InstanceSpec spec = new InstanceSpec(
                null, -1, -1, -1, true, -1, -1, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
        this.server = new TestingServer(spec, true);
    }

    public TestingServer server() {
        return server;
    }

    /** The first client, made on first use: the one a test's own node would have. */
    public synchronized CuratorFramework curator() {
        return clients.isEmpty() ? client() : clients.get(0);
    }

    /** Stops and restarts the server on the same port; sessions survive if it is quick. */
    public void restartServer() throws Exception {
        server.restart();
    }

    /** A new client, as another node would have; closed with this server. */
    public synchronized CuratorFramework client() {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.getConnectString())
                .namespace("strata")
                .sessionTimeoutMs(30_000)
                .connectionTimeoutMs(10_000)
                .retryPolicy(new RetryOneTime(100))
                .build();
        client.start();
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() throws IOException {
        clients.forEach(CuratorFramework::close);
        server.close();
    }

    /** The project's way to wait: poll a condition until a deadline. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
