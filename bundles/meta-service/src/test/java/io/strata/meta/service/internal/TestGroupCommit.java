package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.strata.testing.TestingZooKeeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit against a real ZooKeeper. The first transaction of a test is held at a gate
 * (its handle lookup waits) until the writes of the test are queued behind it, so which writes share
 * a transaction is deterministic.
 */
final class TestGroupCommit {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FOLDER = "/group-commit";

    private TestingZooKeeper zooKeeper;
    private CuratorFramework curator;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger handleCalls = new AtomicInteger();
    private ExecutorService pool;

    @BeforeEach
    void setUp() throws Exception {
        zooKeeper = new TestingZooKeeper();
        curator = zooKeeper.curator();
        curator.create().creatingParentsIfNeeded().forPath(FOLDER);
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() throws Exception {
        gate.countDown();
        pool.shutdownNow();
        zooKeeper.close();
    }

    /** A group commit whose first transaction waits at the gate. */
    private GroupCommit gated(int maxOps, int maxBytes) {
        return new GroupCommit(
                () -> {
                    if (handleCalls.getAndIncrement() == 0 && !gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                    return curator.getZookeeperClient().getZooKeeper();
                },
                curator.getNamespace(),
                write -> null,
                maxOps,
                maxBytes,
                1,
                WAIT);
    }

    private static GroupCommit.Write create(String name, int bytes) {
        return GroupCommit.Write.create(FOLDER + "/" + name, new byte[bytes], stat -> {});
    }

    private Future<Stat> submit(GroupCommit commits, GroupCommit.Write write) {
        return pool.submit(() -> commits.write(write));
    }

    /** Starts the gated first write, queues the others behind it, opens the gate. */
    private List<Future<Stat>> behindTheGate(GroupCommit commits, List<GroupCommit.Write> writes) {
        List<Future<Stat>> results = new ArrayList<>();
        results.add(submit(commits, create("first", 10)));
        TestingZooKeeper.await(WAIT, "the first transaction at the gate", () -> handleCalls.get() == 1);
        for (GroupCommit.Write write : writes) {
            int queued = results.size();
            results.add(submit(commits, write));
            // one at a time, so the queue's order is the list's
            TestingZooKeeper.await(WAIT, "write " + queued + " queued", () -> commits.queued() == queued);
        }
        gate.countDown();
        return results;
    }

    @Test
    void testConcurrentWritesShareOneTransaction() throws Exception {
        try (GroupCommit commits = gated(128, 512 * 1024)) {
            List<GroupCommit.Write> writes = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                writes.add(create("w" + i, 100));
            }
            List<Future<Stat>> results = behindTheGate(commits, writes);
            long zxid = -1;
            for (Future<Stat> result : results.subList(1, results.size())) {
                Stat stat = result.get(30, TimeUnit.SECONDS);
                // the stat of a create in a transaction: version 0, the transaction's zxid
                assertThat(stat.getVersion()).isZero();
                assertThat(stat.getMzxid()).isPositive();
                if (zxid >= 0) {
                    assertThat(stat.getMzxid()).isEqualTo(zxid);
                }
                zxid = stat.getMzxid();
            }
            results.get(0).get(30, TimeUnit.SECONDS);
            assertThat(commits.transactions()).isEqualTo(2);
            assertThat(commits.largestBatchOps()).isEqualTo(31);
            assertThat(commits.committedWrites()).isEqualTo(32);
            assertThat(curator.getChildren().forPath(FOLDER)).hasSize(32);
        }
    }

    @Test
    void testOneConflictDoesNotFailItsNeighbours() throws Exception {
        curator.create().forPath(FOLDER + "/taken");
        curator.create().forPath(FOLDER + "/versioned", new byte[] {1});
        curator.setData().forPath(FOLDER + "/versioned", new byte[] {2});
        try (GroupCommit commits = gated(128, 512 * 1024)) {
            List<GroupCommit.Write> writes = List.of(
                    create("a", 10),
                    GroupCommit.Write.update(FOLDER + "/versioned", new byte[] {3}, 0, stat -> {}),
                    create("b", 10),
                    create("taken", 10),
                    GroupCommit.Write.update(FOLDER + "/a-missing", new byte[] {3}, 0, stat -> {}),
                    create("c", 10));
            List<Future<Stat>> results = behindTheGate(commits, writes);
            results.get(0).get(30, TimeUnit.SECONDS);
            assertThat(results.get(1).get(30, TimeUnit.SECONDS).getVersion()).isZero();
            assertThatThrownBy(() -> results.get(2).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(KeeperException.BadVersionException.class);
            assertThat(results.get(3).get(30, TimeUnit.SECONDS).getVersion()).isZero();
            assertThatThrownBy(() -> results.get(4).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(KeeperException.NodeExistsException.class);
            assertThatThrownBy(() -> results.get(5).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(KeeperException.NoNodeException.class);
            assertThat(results.get(6).get(30, TimeUnit.SECONDS).getVersion()).isZero();
            // the gated one, the six together, then the rest again after each of the three culprits
            assertThat(commits.transactions()).isEqualTo(5);
            assertThat(commits.resent()).isEqualTo(5 + 4 + 3);
            assertThat(curator.getData().forPath(FOLDER + "/versioned")).containsExactly(2);
            assertThat(curator.getChildren().forPath(FOLDER))
                    .containsExactlyInAnyOrder("first", "taken", "versioned", "a", "b", "c");
        }
    }

    @Test
    void testBatchesStayWithinTheByteBound() throws Exception {
        int maxBytes = 10_000;
        try (GroupCommit commits = gated(128, maxBytes)) {
            List<GroupCommit.Write> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                writes.add(create("w" + i, 3_000));
            }
            // a record larger than the bound goes alone
            writes.add(create("large", 20_000));
            List<Future<Stat>> results = behindTheGate(commits, writes);
            for (Future<Stat> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
            // 3 writes of 3000 bytes fit in 10000 bytes: 7 transactions for 20, 1 for the large one
            assertThat(commits.transactions()).isEqualTo(1 + 7 + 1);
            assertThat(commits.largestBatchOps()).isEqualTo(3);
            assertThat(commits.largestBatchBytes()).isGreaterThan(maxBytes);
            assertThat(curator.getChildren().forPath(FOLDER)).hasSize(22);
            assertThat(curator.getData().forPath(FOLDER + "/large")).hasSize(20_000);
        }
    }

    @Test
    void testTheOpsBoundSplitsBatches() throws Exception {
        try (GroupCommit commits = gated(4, 512 * 1024)) {
            List<GroupCommit.Write> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                writes.add(create("w" + i, 10));
            }
            for (Future<Stat> result : behindTheGate(commits, writes)) {
                result.get(30, TimeUnit.SECONDS);
            }
            assertThat(commits.transactions()).isEqualTo(1 + 3);
            assertThat(commits.largestBatchOps()).isEqualTo(4);
        }
    }

    @Test
    void testWritesOfOnePathGoInTurn() throws Exception {
        curator.create().forPath(FOLDER + "/one", new byte[] {0});
        try (GroupCommit commits = gated(128, 512 * 1024)) {
            List<GroupCommit.Write> writes = new ArrayList<>();
            for (int version = 0; version < 5; version++) {
                writes.add(GroupCommit.Write.update(FOLDER + "/one", new byte[] {(byte) version}, version, stat -> {}));
            }
            List<Future<Stat>> results = behindTheGate(commits, writes);
            for (int i = 1; i < results.size(); i++) {
                // each in its own transaction, so each finds the version its predecessor wrote
                assertThat(results.get(i).get(30, TimeUnit.SECONDS).getVersion())
                        .isEqualTo(i);
            }
            assertThat(commits.largestBatchOps()).isEqualTo(1);
            assertThat(commits.resent()).isZero();
        }
    }

    @Test
    void testKnownFailuresAreAnsweredWithoutARoundTrip() throws Exception {
        try (GroupCommit commits = new GroupCommit(
                () -> curator.getZookeeperClient().getZooKeeper(),
                curator.getNamespace(),
                write -> write.path().endsWith("/stale") ? KeeperException.Code.BADVERSION : null,
                128,
                512 * 1024,
                1,
                WAIT)) {
            assertThatThrownBy(() ->
                            commits.write(GroupCommit.Write.update(FOLDER + "/stale", new byte[1], 0, stat -> {})))
                    .isInstanceOf(KeeperException.BadVersionException.class);
            assertThat(commits.transactions()).isZero();
        }
    }

    @Test
    void testZooKeeperDownIsAClearErrorNotAHang() throws Exception {
        List<Stat> seen = new ArrayList<>();
        try (GroupCommit commits = new GroupCommit(
                () -> curator.getZookeeperClient().getZooKeeper(),
                curator.getNamespace(),
                write -> null,
                128,
                512 * 1024,
                1,
                WAIT)) {
            commits.write(GroupCommit.Write.create(FOLDER + "/before", new byte[1], seen::add));
            assertThat(seen).hasSize(1);
            zooKeeper.server().stop();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int i = 0; i < 3; i++) {
                    GroupCommit.Write write = GroupCommit.Write.create(FOLDER + "/down" + i, new byte[1], seen::add);
                    assertThatThrownBy(() -> commits.write(write))
                            .isInstanceOfAny(
                                    KeeperException.ConnectionLossException.class,
                                    KeeperException.SessionExpiredException.class);
                }
            });
            assertThat(seen).hasSize(1);
            zooKeeper.server().restart();
            TestingZooKeeper.await(WAIT, "a write after the restart", () -> {
                try {
                    commits.write(GroupCommit.Write.create(FOLDER + "/after", new byte[1], seen::add));
                    return true;
                } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException e) {
                    return false;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(curator.getChildren().forPath(FOLDER)).containsExactlyInAnyOrder("before", "after");
        }
    }

    @Test
    void testManyWritersAllLand() throws Exception {
        try (GroupCommit commits = new GroupCommit(
                () -> curator.getZookeeperClient().getZooKeeper(),
                curator.getNamespace(),
                write -> null,
                128,
                512 * 1024,
                1,
                WAIT)) {
            int writers = 32;
            int each = 20;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int thread = 0; thread < writers; thread++) {
                int id = thread;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        commits.write(create("t" + id + "-" + i, 200));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
            assertThat(commits.committedWrites()).isEqualTo(writers * each);
            assertThat(curator.getChildren().forPath(FOLDER)).hasSize(writers * each);
            assertThat(commits.queued()).isZero();
        }
    }
}
