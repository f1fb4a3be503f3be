package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestingZooKeeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class TestInstanceStore {
    private TestingZooKeeper zooKeeper;
    private AkSkCipher cipher;
    private InstanceStore store;

    @BeforeEach
    void setUp() throws Exception {
        zooKeeper = new TestingZooKeeper();
        cipher = new AkSkCipher(AkSkCipher.newKey());
        store = new InstanceStore(zooKeeper.curator(), cipher, 1000);
        store.start();
        assertThat(store.awaitInitialized(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        zooKeeper.close();
    }

    @Test
    void testCreateReadAndDuplicate() {
        assertThat(store.create(InstanceDocument.of(instance("i1")))).isTrue();
        assertThat(store.create(InstanceDocument.of(instance("i1")))).isFalse();
        InstanceStore.Versioned read = store.read("i1").orElseThrow();
        assertThat(read.document().instance().name()).isEqualTo("name-i1");
        assertThat(read.version()).isZero();
        assertThat(store.exists("i1")).isTrue();
        assertThat(store.exists("i2")).isFalse();
        assertThat(store.read("i2")).isEmpty();
    }

    @Test
    void testIdsWithAnyBytes() {
        for (String id : List.of("a/b", "a\0b", "中文", "..", "")) {
            assertThat(store.create(InstanceDocument.of(instance(id)))).as(id).isTrue();
            assertThat(store.read(id).orElseThrow().document().instance().instanceId())
                    .isEqualTo(id);
        }
        assertThat(InstanceStore.path("a/b"))
                .isEqualTo("/meta-service/instances/" + KeyCodec.hex(Keys.instance("a/b")));
    }

    @Test
    void testAkSkEncryptedAtRest() {
        Proto.ObjectStoreInfo obj = Proto.ObjectStoreInfo.empty()
                .withId("1")
                .withAk("my-access-key")
                .withSk("my-secret-key")
                .withBucket("b");
        store.create(InstanceDocument.of(instance("i1")
                .withObjInfo(List.of(obj))
                .withRamUser(
                        Proto.RamUser.empty().withUserId("u").withAk("ram-ak").withSk("ram-sk"))));
        String raw = new String(store.raw("i1").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(raw)
                .doesNotContain("my-access-key", "my-secret-key", "ram-ak", "ram-sk")
                .contains("AES_256_GCM");
        Proto.Instance read = store.read("i1").orElseThrow().document().instance();
        assertThat(read.objInfo().get(0).ak()).isEqualTo("my-access-key");
        assertThat(read.objInfo().get(0).sk()).isEqualTo("my-secret-key");
        assertThat(read.ramUser().sk()).isEqualTo("ram-sk");

        // another coordinator with another key cannot read the secrets
        try (InstanceStore other = new InstanceStore(zooKeeper.curator(), new AkSkCipher(AkSkCipher.newKey()), 10)) {
            assertThatThrownBy(() -> other.read("i1"))
                    .isInstanceOf(MetaServiceException.class)
                    .extracting(e -> ((MetaServiceException) e).code())
                    .isEqualTo(MetaServiceCode.ERR_DECPYPT);
        }
    }

    private JsonNode stored(String instanceId) throws Exception {
        return ProtoJson.mapper().readTree(store.raw(instanceId).orElseThrow()).path("instance");
    }

    @Test
    void testUntouchedKeysKeepTheirCiphertexts() throws Exception {
        Proto.ObjectStoreInfo obj = Proto.ObjectStoreInfo.empty()
                .withId("1")
                .withAk("my-access-key")
                .withSk("my-secret-key")
                .withBucket("b");
        store.create(InstanceDocument.of(instance("i1")
                .withObjInfo(List.of(obj))
                .withRamUser(
                        Proto.RamUser.empty().withUserId("u").withAk("ram-ak").withSk("ram-sk"))));
        JsonNode created = stored("i1");

        // a change that does not touch keys: same ciphertexts, and the view's clear form is what a reader decrypts
        InstanceDocument renamed = store.update(
                "i1",
                current -> current.withInstance(current.instance().withName("renamed")),
                () -> MetaServiceException.invalid("missing"));
        JsonNode afterRename = stored("i1");
        assertThat(afterRename.path("name").asText()).isEqualTo("renamed");
        assertThat(afterRename.path("obj_info")).isEqualTo(created.path("obj_info"));
        assertThat(afterRename.path("ram_user")).isEqualTo(created.path("ram_user"));
        assertThat(store.read("i1").orElseThrow().document()).isEqualTo(renamed);

        // a changed key is encrypted anew, the others stay
        InstanceDocument rotated = store.update(
                "i1",
                current -> current.withInstance(current.instance()
                        .withRamUser(current.instance().ramUser().withAk("ram-ak-2"))),
                () -> MetaServiceException.invalid("missing"));
        JsonNode afterRotation = stored("i1");
        assertThat(afterRotation.path("obj_info")).isEqualTo(created.path("obj_info"));
        assertThat(afterRotation.path("ram_user").path("ak"))
                .isNotEqualTo(created.path("ram_user").path("ak"));
        assertThat(afterRotation.toString()).doesNotContain("ram-ak-2", "my-access-key");
        assertThat(store.read("i1").orElseThrow().document()).isEqualTo(rotated);

        // another coordinator (same key, its view filled from ZooKeeper) reads and changes the same record
        try (InstanceStore other = new InstanceStore(zooKeeper.client(), cipher, 10)) {
            other.start();
            assertThat(other.awaitInitialized(Duration.ofSeconds(30))).isTrue();
            InstanceDocument changed = other.update(
                    "i1",
                    current -> current.withInstance(current.instance().withUserId("someone")),
                    () -> MetaServiceException.invalid("missing"));
            assertThat(changed.instance().ramUser().ak()).isEqualTo("ram-ak-2");
            assertThat(changed.instance().objInfo().get(0).sk()).isEqualTo("my-secret-key");
            assertThat(stored("i1").path("ram_user")).isEqualTo(afterRotation.path("ram_user"));
        }
    }

    @Test
    void testMutationErrorsAndMissingInstance() {
        store.create(InstanceDocument.of(instance("i1")));
        assertThatThrownBy(() -> store.update(
                        "i1",
                        current -> {
                            throw MetaServiceException.invalid("nope");
                        },
                        () -> MetaServiceException.invalid("missing")))
                .hasMessage("nope");
        assertThatThrownBy(() -> store.update("i2", current -> current, () -> MetaServiceException.invalid("missing")))
                .hasMessage("missing");
        // no change, no write
        store.update("i1", current -> current, () -> MetaServiceException.invalid("missing"));
        assertThat(store.read("i1").orElseThrow().version()).isZero();
    }

    @Test
    void testConcurrentUpdatesAllLand() throws Exception {
        store.create(InstanceDocument.of(instance("i1")
                .withClusters(List.of(Proto.Cluster.empty().withClusterId("c1").withClusterName("c1")))));
        int writers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String cloudUniqueId = "1:i1:node" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return store.update(
                            "i1",
                            current -> {
                                Proto.Cluster cluster =
                                        current.instance().clusters().get(0);
                                List<Proto.NodeInfo> nodes = new ArrayList<>(cluster.nodes());
                                nodes.add(Proto.NodeInfo.empty()
                                        .withCloudUniqueId(cloudUniqueId)
                                        .withIp("10.0.0.1"));
                                return current.withInstance(
                                        current.instance().withClusters(List.of(cluster.withNodes(nodes))));
                            },
                            () -> MetaServiceException.invalid("missing"));
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Proto.Instance read = store.read("i1").orElseThrow().document().instance();
        assertThat(read.clusters().get(0).nodes()).hasSize(writers);
        assertThat(read.clusters().get(0).nodes())
                .extracting(Proto.NodeInfo::cloudUniqueId)
                .doesNotHaveDuplicates();
        for (int i = 0; i < writers; i++) {
            assertThat(store.index().resolve("1:i1:node" + i)).isPresent();
        }
    }

    @Test
    void testIndexFollowsWritesOfAnotherCoordinator() throws Exception {
        CuratorFramework otherClient = zooKeeper.client();
        try (InstanceStore other = new InstanceStore(otherClient, cipher, 100)) {
            other.start();
            assertThat(other.awaitInitialized(Duration.ofSeconds(30))).isTrue();
            store.create(InstanceDocument.of(instance("i1")
                    .withClusters(List.of(Proto.Cluster.empty()
                            .withClusterId("c")
                            .withNodes(List.of(Proto.NodeInfo.empty().withCloudUniqueId("cuid-x")))))));
            TestingZooKeeper.await(
                    Duration.ofSeconds(30),
                    "the other index to see cuid-x",
                    () -> other.index().resolve("cuid-x").isPresent());
            assertThat(other.index().resolve("cuid-x").orElseThrow().instanceId())
                    .isEqualTo("i1");
            store.update(
                    "i1",
                    current -> current.withInstance(current.instance().withClusters(List.of())),
                    () -> MetaServiceException.invalid("missing"));
            TestingZooKeeper.await(
                    Duration.ofSeconds(30),
                    "the other index to drop cuid-x",
                    () -> other.index().resolve("cuid-x").isEmpty());
        } finally {
            otherClient.close();
        }
    }

    @Test
    void testIndexRebuiltOnStart() {
        store.create(InstanceDocument.of(instance("i1")
                .withClusters(List.of(Proto.Cluster.empty()
                        .withClusterId("c")
                        .withNodes(List.of(Proto.NodeInfo.empty().withCloudUniqueId("cuid-y")))))));
        try (InstanceStore restarted = new InstanceStore(zooKeeper.curator(), cipher, 100)) {
            restarted.start();
            assertThat(restarted.awaitInitialized(Duration.ofSeconds(30))).isTrue();
            assertThat(restarted.index().resolve("cuid-y").orElseThrow().clusterId())
                    .isEqualTo("c");
        }
    }

    @Test
    void testSurvivesAZooKeeperRestart() throws Exception {
        store.create(InstanceDocument.of(instance("i1")));
        zooKeeper.restartServer();
        // the client reconnects by itself; the write retries until the session is back
        TestingZooKeeper.await(Duration.ofSeconds(30), "a write after the restart", () -> {
            try {
                store.update(
                        "i1",
                        current -> current.withInstance(current.instance().withName("after")),
                        () -> MetaServiceException.invalid("missing"));
                return true;
            } catch (MetaServiceException e) {
                return false;
            }
        });
        assertThat(store.read("i1").orElseThrow().document().instance().name()).isEqualTo("after");
    }

    @Test
    void testZooKeeperDownFailsWritesClearly() throws Exception {
        store.create(InstanceDocument.of(instance("i1")));
        zooKeeper.server().stop();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> store.update(
                            "i1",
                            current -> current.withInstance(current.instance().withName("down")),
                            () -> MetaServiceException.invalid("missing")))
                    .isInstanceOf(MetaServiceException.class)
                    .hasMessageMatching("failed to commit kv txn, instance_id=i1 err=(CONNECTIONLOSS|SESSIONEXPIRED)");
            assertThatThrownBy(() -> store.create(InstanceDocument.of(instance("i2"))))
                    .isInstanceOf(MetaServiceException.class)
                    .extracting(e -> ((MetaServiceException) e).code())
                    .isEqualTo(MetaServiceCode.KV_TXN_COMMIT_ERR);
        });
        zooKeeper.server().restart();
        TestingZooKeeper.await(Duration.ofSeconds(30), "a create after the restart", () -> {
            try {
                // false: an attempt whose answer was lost did create it
                store.create(InstanceDocument.of(instance("i2")));
                return true;
            } catch (MetaServiceException e) {
                return false;
            }
        });
        assertThat(store.read("i1").orElseThrow().document().instance().name()).isEqualTo("name-i1");
        assertThat(store.read("i2")).isPresent();
    }

    @Test
    void testOwnWritesAreNotReadBack() throws Exception {
        store.create(InstanceDocument.of(instance("i1")));
        for (int i = 0; i < 50; i++) {
            String name = "n" + i;
            store.update(
                    "i1",
                    current -> current.withInstance(current.instance().withName(name)),
                    () -> MetaServiceException.invalid("missing"));
        }
        // a write of another client is seen
        CuratorFramework other = zooKeeper.client();
        try (InstanceStore writer = new InstanceStore(other, cipher, 10)) {
            writer.update(
                    "i1",
                    current -> current.withInstance(current.instance()
                            .withName("other")
                            .withClusters(List.of(Proto.Cluster.empty()
                                    .withClusterId("c")
                                    .withNodes(List.of(Proto.NodeInfo.empty().withCloudUniqueId("seen")))))),
                    () -> MetaServiceException.invalid("missing"));
        } finally {
            other.close();
        }
        TestingZooKeeper.await(
                Duration.ofSeconds(30),
                "the other client's write",
                () -> store.index().resolve("seen").isPresent());
        // the other client's write is read; this store's own 51 writes mostly are not (the events'
        // zxids show they are held); under heavy load an event can beat its write's answer, and that
        // write is read back: allowed, as long as most are not (CI saw 6 at load 15 on 2 cores)
        assertThat(store.reloads()).isBetween(1L, 25L);
    }

    private static Proto.Instance instance(String id) {
        return Proto.Instance.empty().withInstanceId(id).withName("name-" + id).withStatus(Proto.InstanceStatus.NORMAL);
    }
}
