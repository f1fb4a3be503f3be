package io.strata.meta.service.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** A real ZooKeeper server on 127.0.0.1 and a client namespaced like the kernel's, for one test. */
final class TestingZooKeeper implements AutoCloseable {
    private final TestingServer server;
    private final CuratorFramework curator;
    private final List<CuratorFramework> clients = new CopyOnWriteArrayList<>();

    TestingZooKeeper() throws Exception {
        InstanceSpec spec = new InstanceSpec(
                null, -1, -1, -1, true, -1, -1, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
        this.server = new TestingServer(spec, true);
        this.curator = client();
    }

    CuratorFramework curator() {
        return curator;
    }

    /** Another client on the same server, as a second coordinator would have; closed with this server. */
    CuratorFramework client() {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(server.getConnectString())
                .namespace("strata")
                .sessionTimeoutMs(30_000)
                .connectionTimeoutMs(10_000)
                .retryPolicy(new RetryOneTime(100))
                .build();
        clients.add(client);
        client.start();
        return client;
    }

    void restartServer() throws Exception {
        server.restart();
    }

    @Override
    public void close() throws IOException {
        clients.forEach(CuratorFramework::close);
        server.close();
    }

    /** The project's way to wait: poll a condition until a deadline. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
