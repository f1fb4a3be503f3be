package io.strata.mount.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.api.v1.mount.MountInfo;
import io.strata.mount.MountPoint;
import io.strata.mount.MountTable;
import io.strata.mount.ResolvedPath;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsFactory;
import io.strata.testing.TestingZooKeeper;
import io.strata.ufs.local.internal.LocalUfsFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestMountService {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private TestingZooKeeper zooKeeper;
    private final List<MountService> services = new ArrayList<>();
    private final List<UfsConnectors> connectorSets = new ArrayList<>();
    private final LocalUfsFactory local = new LocalUfsFactory();
    private final TestingUfsFactory testing = new TestingUfsFactory();
    private UfsConnectors connectors;
    private MountService service;

    @BeforeEach
    void setUp() throws Exception {
        zooKeeper = new TestingZooKeeper();
        connectors = connectors();
        service = service(zooKeeper.client(), connectors);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.forEach(MountService::close);
        connectorSets.forEach(UfsConnectors::deactivate);
        zooKeeper.close();
    }

    private UfsConnectors connectors() {
        UfsConnectors created = new UfsConnectors();
        created.addFactory(local, properties("file", 1L));
        created.addFactory(testing, properties(TestingUfsFactory.SCHEME, 2L));
        connectorSets.add(created);
        return created;
    }

    private static Map<String, Object> properties(String scheme, long serviceId) {
        return Map.of(UfsFactory.SCHEME_PROPERTY, scheme, "service.id", serviceId);
    }

    private MountService service(CuratorFramework curator, UfsConnectors with) {
        MountService created = new MountService(curator, with, Optional.empty(), Duration.ofSeconds(10));
        services.add(created);
        return created;
    }

    private String folder(String name) throws Exception {
        return Files.createDirectories(temp.resolve(name)).toUri().toString();
    }

    @Test
    void testAddListGetRemove() throws Exception {
        String ufs = folder("a");
        service.add("/data", ufs, Map.of());
        assertThat(service.mounts()).extracting(MountPoint::path).containsExactly("/data");
        MountPoint mount = service.mount("/data/").orElseThrow();
        assertThat(mount.ufs()).isEqualTo(URI.create(ufs.endsWith("/") ? ufs : ufs + "/"));
        assertThat(MountResource.info(mount).path()).isEqualTo("/data/");
        assertThat(service.mount("//data//")).contains(mount);
        assertThat(service.mount("/other")).isEmpty();

        service.remove("/data/");
        assertThat(service.mounts()).isEmpty();
        assertStrataError(() -> service.remove("/data"), ErrorKind.GONE, "No mount point found for path: /data");
    }

    @Test
    void testRequiredParameters() {
        for (String[] request : new String[][] {{null, "file:///x"}, {"/x", null}, {"", "file:///x"}, {"/x", "  "}}) {
            assertStrataError(
                    () -> service.add(request[0], request[1], Map.of()),
                    ErrorKind.INVALID_ARGUMENT,
                    "Required parameters not provided");
        }
        assertStrataError(() -> service.remove(null), ErrorKind.INVALID_ARGUMENT, "Required parameters not provided");
        assertStrataError(() -> service.remove(""), ErrorKind.INVALID_ARGUMENT, "Required parameters not provided");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertStrataError(
                () -> service.add("/x", "testing://a/", nullValue),
                ErrorKind.INVALID_ARGUMENT,
                "Option k has no value");
    }

    @Test
    void testInvalidPathsAndUris() {
        assertStrataError(
                () -> service.add("data", "testing://a/", Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "Invalid path data: it must start with /");
        assertStrataError(
                () -> service.add("/a/../b", "testing://a/", Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "Invalid path /a/../b: . and .. are not allowed");
        assertStrataError(
                () -> service.add("/a", "no-scheme", Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "Invalid UFS URI no-scheme: it has no scheme (for example s3://bucket/ or file:///folder/)");
        assertStrataError(
                () -> service.add("/a", "testing://a/?x=1", Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "Invalid UFS URI testing://a/?x=1: it takes no query or fragment");
        assertStrataError(
                () -> service.add("/a", "bad uri", Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "Invalid UFS URI bad uri: Illegal character in path");
    }

    @Test
    void testSchemeWithoutConnector() {
        assertStrataError(
                () -> service.add("/s3", "s3://bucket", Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "No UFS connector is installed for scheme 's3' (installed schemes: file, testing)");
        assertStrataError(
                () -> service.add("/s3", "S3://bucket", Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "No UFS connector is installed for scheme 's3' (installed schemes: file, testing)");
        assertThat(service.mounts()).isEmpty();
    }

    @Test
    void testUnreachableUfsIsRefused() throws Exception {
        String missing = temp.resolve("missing").toUri().toString();
        assertThatThrownBy(() -> service.add("/m", missing, Map.of()))
                .isInstanceOf(StrataException.class)
                .hasMessageStartingWith("UFS " + missing)
                .hasMessageContaining("is not reachable: Folder ")
                .hasMessageEndingWith("does not exist")
                .extracting(e -> ((StrataException) e).kind())
                .isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertStrataError(
                () -> service.add("/m", "testing://down/", Map.of("testing.fail", "connection refused")),
                ErrorKind.INVALID_ARGUMENT,
                "UFS testing://down/ is not reachable: connection refused");
        assertStrataError(
                () -> service.add("/m", folder("opts"), Map.of("colour", "blue")),
                ErrorKind.INVALID_ARGUMENT,
                "Invalid configuration of UFS " + folder("opts") + ": file:// mounts take no options; unknown: colour");
        assertThat(service.mounts()).isEmpty();
    }

    @Test
    void testReachabilityCheckTimesOut() throws Exception {
        MountService quick = new MountService(zooKeeper.client(), connectors, Optional.empty(), Duration.ofMillis(300));
        services.add(quick);
        assertStrataError(
                () -> quick.add("/slow", "testing://slow/", Map.of("testing.hang", "true")),
                ErrorKind.INVALID_ARGUMENT,
                "UFS testing://slow/ is not reachable: no answer within 300 ms");
        assertThat(testing.hanging.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /**
     * With ZooKeeper down, a mount change answers 503 within strata.mount.zookeeper.timeout.ms
     * instead of waiting for Curator's retries (the kernel's client retries for minutes); once
     * ZooKeeper is back, changes go through again.
     */
    @Test
    void testZooKeeperDownFailsChangesInBoundedTime() throws Exception {
        CuratorFramework patient = CuratorFrameworkFactory.builder()
                .connectString(zooKeeper.server().getConnectString())
                .namespace("strata")
                .sessionTimeoutMs(30_000)
                .connectionTimeoutMs(15_000)
                .retryPolicy(new BoundedExponentialBackoffRetry(100, 5_000, 29))
                .build();
        patient.start();
        MountService bounded =
                new MountService(patient, connectors, Optional.empty(), Duration.ofSeconds(10), Duration.ofMillis(500));
        try {
            bounded.add("/before", folder("before"), Map.of());

            zooKeeper.server().stop();
            String during = folder("during");
            long start = System.nanoTime();
            for (Callable<?> change : List.<Callable<?>>of(
                    () -> {
                        bounded.add("/during", during, Map.of());
                        return null;
                    },
                    () -> {
                        bounded.remove("/before");
                        return null;
                    })) {
                assertThatThrownBy(change::call)
                        .isInstanceOf(StrataException.class)
                        .hasMessageContaining("ZooKeeper")
                        .extracting(e -> ((StrataException) e).kind())
                        .isEqualTo(ErrorKind.UNAVAILABLE);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("two changes with a 500 ms bound each, against Curator's minutes of retries")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(bounded.mounts())
                    .as("reads use the view")
                    .extracting(MountPoint::path)
                    .containsExactly("/before");

            zooKeeper.server().restart();
            TestingZooKeeper.await(TIMEOUT, "changes to work again", () -> {
                try {
                    bounded.add("/after", during, Map.of());
                    return true;
                } catch (StrataException e) {
                    return false;
                }
            });
            assertThat(bounded.mounts()).extracting(MountPoint::path).containsExactly("/after", "/before");
        } finally {
            bounded.close();
            patient.close();
        }
    }

    @Test
    void testConflicts() throws Exception {
        String data = folder("data");
        service.add("/data/", data, Map.of());

        assertStrataError(
                () -> service.add("/data", folder("other"), Map.of()),
                ErrorKind.CONFLICT,
                "Path /data is already mounted (to " + data + ")");
        assertStrataError(
                () -> service.add("//data/", folder("other"), Map.of()),
                ErrorKind.CONFLICT,
                "Path /data is already mounted (to " + data + ")");
        String withoutSlash = data.substring(0, data.length() - 1);
        assertStrataError(
                () -> service.add("/elsewhere", withoutSlash, Map.of()),
                ErrorKind.CONFLICT,
                "UFS " + data + " is already mounted at another path: /data");
        assertStrataError(
                () -> service.add("/data/inner/", folder("inner"), Map.of()),
                ErrorKind.CONFLICT,
                "Mount point /data/inner would be nested inside mount point /data; mount points cannot nest");
        assertStrataError(
                () -> service.add("/", folder("root"), Map.of()),
                ErrorKind.CONFLICT,
                "Mount point / would contain mount point /data; mount points cannot nest");

        // a sibling whose name extends the mount's is not nested
        service.add("/data2", folder("data2"), Map.of());
        service.add("/dat", folder("dat"), Map.of());
        assertThat(service.mounts()).extracting(MountPoint::path).containsExactly("/dat", "/data", "/data2");
    }

    @Test
    void testRootMountContainsEverything() throws Exception {
        service.add("/", folder("root"), Map.of());
        assertStrataError(
                () -> service.add("/a", folder("a"), Map.of()),
                ErrorKind.CONFLICT,
                "Mount point /a would be nested inside mount point /; mount points cannot nest");
        assertThat(MountResource.info(service.mounts().get(0)).path()).isEqualTo("/");
        ResolvedPath resolved = service.resolve("/x/y.txt");
        assertThat(resolved.ufsPath()).isEqualTo("x/y.txt");
        assertThat(resolved.mount().path()).isEqualTo("/");
    }

    @Test
    void testConcurrentMountsOfOnePathHaveOneWinner() throws Exception {
        int nodes = 6;
        List<MountService> coordinators = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            coordinators.add(service(zooKeeper.client(), connectors()));
            folders.add(folder("race-" + i));
        }
        List<Outcome> outcomes = race(nodes, i -> () -> coordinators.get(i).add("/same", folders.get(i), Map.of()));
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes)
                .filteredOn(outcome -> !outcome.succeeded())
                .allSatisfy(outcome -> assertThat(outcome.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(service.mounts()).hasSize(1);
    }

    @Test
    void testConcurrentNestedMountsHaveOneWinner() throws Exception {
        List<String> paths = List.of("/n", "/n/a", "/n/a/b", "/n/c");
        List<MountService> coordinators = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            coordinators.add(service(zooKeeper.client(), connectors()));
            folders.add(folder("nest-" + i));
        }
        List<Outcome> outcomes =
                race(paths.size(), i -> () -> coordinators.get(i).add(paths.get(i), folders.get(i), Map.of()));
        // /n/a/b nests in /n/a, both nest in /n, /n/c nests in /n: at most /n/a(/b) and /n/c can coexist
        long succeeded = outcomes.stream().filter(Outcome::succeeded).count();
        // this service's view is a cache of the table the racers wrote: let it catch up first
        TestingZooKeeper.await(
                TIMEOUT,
                "the view to show every winner",
                () -> service.mounts().stream()
                                .filter(mount -> mount.path().startsWith("/n"))
                                .count()
                        == succeeded);
        List<String> mounted = service.mounts().stream().map(MountPoint::path).toList();
        for (String path : mounted) {
            for (String other : mounted) {
                if (!path.equals(other)) {
                    assertThat(other).doesNotStartWith(path + "/");
                }
            }
        }
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(mounted.size());
        assertThat(outcomes)
                .filteredOn(outcome -> !outcome.succeeded())
                .allSatisfy(outcome -> assertThat(outcome.kind()).isEqualTo(ErrorKind.CONFLICT));
    }

    @Test
    void testOtherNodesSeeChanges() throws Exception {
        MountService other = service(zooKeeper.client(), connectors());
        other.mounts();
        service.add("/shared", folder("shared"), Map.of());
        TestingZooKeeper.await(
                TIMEOUT,
                "the other node to see the mount",
                () -> other.mount("/shared").isPresent());
        assertThat(other.resolve("/shared/f").ufsPath()).isEqualTo("f");
        service.remove("/shared");
        TestingZooKeeper.await(
                TIMEOUT,
                "the other node to see the removal",
                () -> other.mounts().isEmpty());
    }

    @Test
    void testMountsSurviveRestarts() throws Exception {
        service.add("/kept", folder("kept"), Map.of());
        service.add("/secrets", "testing://bucket/", Map.of("s3a.secretKey", "s3cr3t", "region", "eu"));
        service.close();
        services.remove(service);

        MountService restarted = service(zooKeeper.client(), connectors());
        assertThat(restarted.mounts()).extracting(MountPoint::path).containsExactly("/kept", "/secrets");
        assertThat(restarted.mount("/secrets").orElseThrow().options()).containsEntry("s3a.secretKey", "s3cr3t");

        zooKeeper.server().restart();
        MountService afterServerRestart = service(zooKeeper.client(), connectors());
        TestingZooKeeper.await(
                TIMEOUT,
                "the mounts after the ZooKeeper restart",
                () -> afterServerRestart.mounts().size() == 2);
        afterServerRestart.remove("/kept");
        assertThat(afterServerRestart.mounts()).extracting(MountPoint::path).containsExactly("/secrets");
    }

    @Test
    void testZooKeeperDownIsUnavailable() throws Exception {
        service.add("/before", folder("before"), Map.of());
        zooKeeper.server().stop();
        assertThatThrownBy(() -> service.add("/during", folder("during"), Map.of()))
                .isInstanceOf(StrataException.class)
                .hasMessageStartingWith("The mount table in ZooKeeper is not reachable")
                .extracting(e -> ((StrataException) e).kind())
                .isEqualTo(ErrorKind.UNAVAILABLE);
        // the view keeps resolving paths meanwhile
        assertThat(service.resolve("/before/x").mount().path()).isEqualTo("/before");
        zooKeeper.server().restart();
        TestingZooKeeper.await(TIMEOUT, "a mount after ZooKeeper is back", () -> {
            try {
                service.add("/after", folder("after"), Map.of());
                return true;
            } catch (StrataException e) {
                if (e.kind() != ErrorKind.UNAVAILABLE) {
                    throw e;
                }
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(service.mounts()).extracting(MountPoint::path).containsExactly("/after", "/before");
    }

    @Test
    void testSecretsAreMasked() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("s3a.secretKey", "s3cr3t");
        options.put("s3a.accessKeyId", "AKIA");
        options.put("db.Password", "pw");
        options.put("fs.sessionToken", "tok");
        options.put("s3a.endpoint", "http://127.0.0.1:9000");
        options.put("s3a.region", "eu-west-1");
        service.add("/s", "testing://bucket", options);
        MountPoint mount = service.mount("/s").orElseThrow();
        MountInfo info = MountResource.info(mount);
        assertThat(info.options())
                .containsExactly(
                        Map.entry("db.Password", "******"),
                        Map.entry("fs.sessionToken", "******"),
                        Map.entry("s3a.accessKeyId", "******"),
                        Map.entry("s3a.endpoint", "http://127.0.0.1:9000"),
                        Map.entry("s3a.region", "eu-west-1"),
                        Map.entry("s3a.secretKey", "******"));
        assertThat(mount.toString()).doesNotContain("s3cr3t", "AKIA", "pw", "tok");
        assertThat(MountResource.info(new MountPoint("/e", URI.create("testing://e/"), Map.of()))
                        .options())
                .isEmpty();
    }

    @Test
    void testResolve() throws Exception {
        service.add("/data", folder("resolve"), Map.of());
        ResolvedPath resolved = service.resolve("/data/a b/c.txt");
        assertThat(resolved.path()).isEqualTo("/data/a b/c.txt");
        assertThat(resolved.ufsPath()).isEqualTo("a b/c.txt");
        assertThat(resolved.ufsUri().toString()).isEqualTo(folder("resolve") + "a%20b/c.txt");
        assertThat(service.resolve("/data").ufsPath()).isEmpty();
        assertStrataError(() -> service.resolve("/elsewhere/x"), ErrorKind.INVALID_ARGUMENT, MountTable.NO_MOUNTED_UFS);
        assertStrataError(() -> service.resolve("/datax"), ErrorKind.INVALID_ARGUMENT, MountTable.NO_MOUNTED_UFS);
        assertStrataError(
                () -> service.resolve("/data/../etc"),
                ErrorKind.INVALID_ARGUMENT,
                "Invalid path /data/../etc: . and .. are not allowed");
        assertThat(service.resolve("/data/a b/c.txt"))
                .as("resolved again from the same table")
                .isSameAs(resolved);

        // a new table resolves afresh: the same path now lands in the new mount's UFS
        service.remove("/data");
        assertStrataError(
                () -> service.resolve("/data/a b/c.txt"), ErrorKind.INVALID_ARGUMENT, MountTable.NO_MOUNTED_UFS);
        service.add("/data", folder("elsewhere"), Map.of());
        assertThat(service.resolve("/data/a b/c.txt").ufsUri().toString())
                .isEqualTo(folder("elsewhere") + "a%20b/c.txt");
    }

    @Test
    void testRemovedPluginMakesMountsUnavailable() throws Exception {
        Path folder = temp.resolve("plugged");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("f.txt"), "hello");
        service.add("/plugged", folder.toUri().toString(), Map.of());
        ResolvedPath resolved = service.resolve("/plugged/f.txt");
        Ufs before = service.ufs(resolved.mount());
        assertThat(service.status(resolved).length()).isEqualTo(5);

        connectors.removeFactory(local, properties("file", 1L));
        assertStrataError(
                () -> service.status(resolved),
                ErrorKind.UNAVAILABLE,
                "UFS scheme file of mount point /plugged is not available: No UFS connector is installed for scheme"
                        + " 'file' (installed schemes: testing)");
        // the connector handed out before is closed, never left working against a removed plugin
        assertThatThrownBy(() -> before.status("f.txt"))
                .isInstanceOf(UfsException.class)
                .extracting(e -> ((UfsException) e).kind())
                .isEqualTo(UfsException.Kind.UNAVAILABLE);
        // the table itself is still listed, and new mounts of the scheme are refused with the reason
        assertThat(service.mounts()).extracting(MountPoint::path).containsExactly("/plugged");
        assertStrataError(
                () -> service.add("/other", folder("other-plugged"), Map.of()),
                ErrorKind.INVALID_ARGUMENT,
                "No UFS connector is installed for scheme 'file' (installed schemes: testing)");

        connectors.addFactory(local, properties("file", 3L));
        assertThat(service.status(resolved).length()).isEqualTo(5);
    }

    @Test
    void testBrowseThroughMount() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("browse"));
        Files.writeString(folder.resolve("one.txt"), "1");
        Files.writeString(folder.resolve("two.txt"), "22");
        Files.createDirectories(folder.resolve("sub"));
        service.add("/b", folder.toUri().toString(), Map.of());

        ResolvedPath two = service.resolve("/b/two.txt");
        assertThat(service.status(two).length()).isEqualTo(2);
        assertStrataError(
                () -> service.status(service.resolve("/b/none")),
                ErrorKind.NOT_FOUND,
                "No such file or directory: /b/none");
        assertStrataError(
                () -> service.list(service.resolve("/b"), Optional.empty(), 0),
                ErrorKind.INVALID_ARGUMENT,
                "limit must be between 1 and 10000");
        assertThat(service.list(service.resolve("/b"), Optional.empty(), 10).entries())
                .hasSize(3);
    }

    @Test
    void testMisconfiguredMountIsUnavailable() {
        // accepted while the connector accepted it; refused by the connector later on
        MountPoint mount = new MountPoint("/bad", URI.create("testing://x/"), Map.of("testing.invalid", "1"));
        assertStrataError(
                () -> service.ufs(mount),
                ErrorKind.UNAVAILABLE,
                "The connector refuses mount point /bad: option testing.invalid is invalid");
    }

    private record Outcome(boolean succeeded, ErrorKind kind) {}

    private interface Call {
        void run() throws Exception;
    }

    private interface Calls {
        Call get(int index);
    }

    /** Runs the calls at once from separate threads. */
    private static List<Outcome> race(int count, Calls calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Call call = calls.get(i);
                Callable<Outcome> task = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        call.run();
                        return new Outcome(true, null);
                    } catch (StrataException e) {
                        return new Outcome(false, e.kind());
                    }
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertStrataError(Call call, ErrorKind kind, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(StrataException.class)
                .hasMessage(message)
                .extracting(e -> ((StrataException) e).kind())
                .isEqualTo(kind);
    }
}
