package io.strata.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.it.StrataProcess.CommandResult;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** After {@code kill -9}, {@code bin/strata start} works again and the embedded ZooKeeper still has its data. */
final class KillRecoveryIT {
    private static final String ZNODE = "/it-tests/kill-recovery";
    private static StrataProcess node;

    @BeforeAll
    static void install() {
        node = StrataProcess.install(KillRecoveryIT.class);
    }

    @AfterAll
    static void removeInstallation() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testStartAfterKillKeepsZooKeeperData() throws Exception {
        long killed = node.start();
        byte[] data = ("written before kill -9 of " + killed).getBytes(UTF_8);
        try (CuratorFramework client = zooKeeperClient()) {
            client.create()
                    .creatingParentsIfNeeded()
                    .withMode(CreateMode.PERSISTENT)
                    .forPath(ZNODE, data);
        }

        assertThat(node.killNode()).isEqualTo(killed);
        assertThat(node.pidFile()).as("a crash leaves the pid file behind").exists();
        assertThat(node.nodeProcesses()).isEmpty();
        CommandResult status = node.strata("status");
        assertThat(status.exitCode())
                .as("a stale pid file is not a running node: %s", status.describe())
                .isEqualTo(3);

        CommandResult start = node.strata("start");
        assertThat(start.exitCode())
                .as("%s%n%s", start.describe(), node.logTail())
                .isZero();
        long restarted = node.nodePid().orElseThrow();
        assertThat(restarted).isNotEqualTo(killed);
        assertThat(start.stdout())
                .isEqualTo("Strata started (pid " + restarted + "): http://127.0.0.1:" + node.httpPort() + "\n");
        assertThat(node.client().health().checks()).containsEntry("zookeeper", "ok");

        try (CuratorFramework client = zooKeeperClient()) {
            assertThat(client.getData().forPath(ZNODE)).isEqualTo(data);
        }
        node.stop();
    }

    private static CuratorFramework zooKeeperClient() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString("127.0.0.1:" + node.zookeeperPort())
                .sessionTimeoutMs(10_000)
                .connectionTimeoutMs(10_000)
                .retryPolicy(new RetryOneTime(200))
                .build();
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
            client.close();
            throw new AssertionError("cannot connect to the embedded ZooKeeper at 127.0.0.1:" + node.zookeeperPort());
        }
        return client;
    }
}
