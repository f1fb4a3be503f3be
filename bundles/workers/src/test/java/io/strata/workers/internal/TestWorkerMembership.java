package io.strata.workers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.health.HealthCheck;
import io.strata.api.v1.nodes.WorkerNode;
import io.strata.api.v1.nodes.WorkerNodeList;
import io.strata.api.v1.nodes.WorkerStatus;
import io.strata.spi.ErrorKind;
import io.strata.spi.NodeInfo;
import io.strata.spi.Role;
import io.strata.spi.StrataException;
import io.strata.testing.TestingNodeInfo;
import io.strata.testing.TestingZooKeeper;
import io.strata.workers.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration, liveness, the directory view and /api/v1/nodes on a real ZooKeeper. */
class TestWorkerMembership {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Role WORKER = () -> Role.WORKER;
    private static final Role COORDINATOR = () -> Role.COORDINATOR;

    @TempDir
    Path temp;

    private TestingZooKeeper zooKeeper;
    private WorkerDirectoryService directory;
    private NodesResource nodes;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new TestingZooKeeper();
        CuratorFramework coordinator = zooKeeper.client();
        directory = new WorkerDirectoryService(coordinator, 64);
        nodes = new NodesResource(COORDINATOR, directory, coordinator);
    }

    @AfterEach
    void stop() throws Exception {
        directory.close();
        zooKeeper.close();
    }

    @Test
    void aWorkerRegistersOnlineKeepsItsIdentityAcrossRestartsAndGoesOfflineWhenItStops() throws Exception {
        Path dataDir = temp.resolve("w1");
        WorkerRegistrar first = new WorkerRegistrar(WORKER, zooKeeper.client(), node(dataDir, 9001));
        String identity = first.identity();
        assertThat(identity).matches(WorkerIdentity.FORM);
        assertThat(Files.readString(WorkerIdentity.file(dataDir)).strip()).isEqualTo(identity);
        awaitStatus(identity, WorkerStatus.ONLINE);
        assertThat(nodes.get(identity)).isEqualTo(new WorkerNode(identity, "127.0.0.1:9001", WorkerStatus.ONLINE));
        assertThat(directory.ring().members()).containsExactly(identity);
        assertThat(directory.owner("/any/file").map(Worker::identity)).contains(identity);

        first.close();
        awaitStatus(identity, WorkerStatus.OFFLINE);
        assertThat(directory.ring().isEmpty()).isTrue();
        assertThat(directory.owner("/any/file")).isEmpty();

        // a restart, on another port: same identity, new address
        WorkerRegistrar second = new WorkerRegistrar(WORKER, zooKeeper.client(), node(dataDir, 9002));
        assertThat(second.identity()).isEqualTo(identity);
        awaitStatus(identity, WorkerStatus.ONLINE);
        assertThat(((WorkerNode) nodes.get(identity)).address()).isEqualTo("127.0.0.1:9002");
        second.publishCapacity(1234);
        TestingZooKeeper.await(
                WAIT, "capacity", () -> directory.worker(identity).orElseThrow().capacityBytes() == 1234);
        second.close();
    }

    @Test
    void listsEveryWorkerSortedAndAnswers404ForAnUnknownOne() throws Exception {
        WorkerRegistrar a = new WorkerRegistrar(WORKER, zooKeeper.client(), node(temp.resolve("a"), 1));
        WorkerRegistrar b = new WorkerRegistrar(WORKER, zooKeeper.client(), node(temp.resolve("b"), 2));
        TestingZooKeeper.await(
                WAIT, "two online", () -> directory.ring().members().size() == 2);
        b.close();
        awaitStatus(b.identity(), WorkerStatus.OFFLINE);
        List<WorkerNode> listed = ((WorkerNodeList) nodes.get(null)).result();
        assertThat(listed)
                .extracting(WorkerNode::identity)
                .isSorted()
                .containsExactlyInAnyOrder(a.identity(), b.identity());
        assertThat(listed)
                .filteredOn(node -> node.identity().equals(a.identity()))
                .extracting(WorkerNode::status)
                .containsExactly(WorkerStatus.ONLINE);
        assertThat(directory.ring().members()).containsExactly(a.identity());

        assertError(() -> nodes.get("worker-nope"), ErrorKind.NOT_FOUND, "worker not found: worker-nope");
        assertError(() -> nodes.remove("worker-nope"), ErrorKind.NOT_FOUND, "worker not found: worker-nope");
        assertError(() -> nodes.remove(""), ErrorKind.INVALID_ARGUMENT, "Required parameters not provided: id");
        a.close();
    }

    @Test
    void anOnlineWorkerCannotBeRemovedAnOfflineOneCan() throws Exception {
        WorkerRegistrar worker = new WorkerRegistrar(WORKER, zooKeeper.client(), node(temp.resolve("w"), 7));
        String identity = worker.identity();
        awaitStatus(identity, WorkerStatus.ONLINE);
        assertError(() -> nodes.remove(identity), ErrorKind.CONFLICT, "worker " + identity + " is ONLINE");
        assertThat(directory.worker(identity)).isPresent();

        worker.close();
        awaitStatus(identity, WorkerStatus.OFFLINE);
        assertThat(nodes.remove(identity).status()).isEqualTo("ok");
        assertThat(directory.worker(identity)).isEmpty();
        assertThat(zooKeeper.client().checkExists().forPath(WorkerStore.live(identity)))
                .isNull();
    }

    @Test
    void livenessIsRecreatedWhenItsNodeGoesAndAWorkerRemovedWhileAwayFencesItself() throws Exception {
        CuratorFramework workerClient = zooKeeper.client();
        WorkerRegistrar worker = new WorkerRegistrar(WORKER, workerClient, node(temp.resolve("w"), 7));
        String identity = worker.identity();
        awaitStatus(identity, WorkerStatus.ONLINE);

        // the liveness node disappears (as after a session loss): Curator puts it back
        zooKeeper.client().delete().forPath(WorkerStore.live(identity));
        TestingZooKeeper.await(WAIT, "liveness back", () -> exists(WorkerStore.live(identity)));
        awaitStatus(identity, WorkerStatus.ONLINE);
        assertThat(worker.execute().isHealthy()).isTrue();

        // the registration is removed behind the worker's back: it drops out instead of lingering half-registered
        zooKeeper.client().delete().forPath(WorkerStore.registered(identity));
        TestingZooKeeper.await(WAIT, "fenced", () -> !worker.execute().isHealthy());
        HealthCheck.Result result = worker.execute();
        assertThat(result.getMessage()).contains("was removed from the cluster");
        TestingZooKeeper.await(WAIT, "liveness dropped", () -> !exists(WorkerStore.live(identity)));
        assertThat(directory.worker(identity)).isEmpty();
        assertThat(directory.ring().isEmpty()).isTrue();
        worker.close();
    }

    @Test
    void aDamagedIdentityFileStopsTheWorkerWithAMessage() throws Exception {
        Path dataDir = temp.resolve("bad");
        Files.createDirectories(WorkerIdentity.file(dataDir).getParent());
        Files.writeString(WorkerIdentity.file(dataDir), "garbage");
        assertThatThrownBy(() -> new WorkerRegistrar(WORKER, zooKeeper.client(), node(dataDir, 1)))
                .hasMessageContaining("holds 'garbage', not worker-<uuid>");
    }

    private boolean exists(String path) {
        try {
            return zooKeeper.client().checkExists().forPath(path) != null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void awaitStatus(String identity, WorkerStatus status) {
        TestingZooKeeper.await(
                WAIT,
                identity + " " + status,
                () -> directory
                                .worker(identity)
                                .map(NodesResource::node)
                                .map(WorkerNode::status)
                                .orElse(null)
                        == status);
    }

    private static void assertError(ThrowingCallable call, ErrorKind kind, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StrataException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }

    private static NodeInfo node(Path dataDir, int port) {
        return TestingNodeInfo.worker(dataDir, port);
    }
}
