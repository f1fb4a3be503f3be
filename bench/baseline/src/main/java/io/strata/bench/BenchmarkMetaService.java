package io.strata.bench;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.Stat;

/**
 * Meta-service write throughput over HTTP against raw Curator writes on the same ZooKeeper: the
 * node's embedded server, reached by a Curator client of this process. Both sides run the same
 * number of client threads, each doing its share of a fixed number of operations; HTTP calls go over
 * one kept-alive connection per thread ({@link HttpConnection}, as cheap for the client as Curator's
 * own connection is).
 *
 * <ul>
 *   <li>{@code create_instance} (an object-storage vault, the reference's example body) against a
 *       raw {@code create} of a znode of the size the meta-service stored for it;
 *   <li>{@code add_node} (one COMPUTE node per call, each thread on its own instance's cluster, so
 *       the record grows by one node per call) against a raw {@code setData} with the expected
 *       version on one znode per thread, growing the same way (sizes read off the meta-service's
 *       records in the warm-up round).
 * </ul>
 *
 * For reading, {@code decode_key} calls measure the same HTTP path without ZooKeeper work.
 *
 * <p>{@code --warmup-rounds} (2) warm-up rounds of each (not counted), then {@code --rounds} rounds; in each round the two
 * sides of an operation run back to back, in alternating order. Every HTTP answer must be 200 with
 * the {@code OK} envelope. Prints {@code RESULT <name> <median> <samples>} lines: ops/s
 * ({@code create-http}, {@code create-raw}, {@code addnode-http}, {@code addnode-raw},
 * {@code decodekey-http}), the ratio HTTP / raw of each round ({@code create-ratio},
 * {@code addnode-ratio}, {@code decodekey-ratio} against raw creates), CPU time
 * per operation in microseconds of the node process and of this client process
 * ({@code *-node-cpu-us}, {@code *-client-cpu-us}), and {@code record-bytes-*} for the sizes.
 *
 * <p>Options: {@code --url http://127.0.0.1:PORT (--token TOKEN | --token-file FILE) --zookeeper 127.0.0.1:PORT
 * [--node-pid PID] [--threads 32] [--operations 3200] [--rounds 3] [--warmup-rounds 2]}.
 */
public final class BenchmarkMetaService {
    private static final String OK = "{\n    \"code\": \"OK\",\n    \"msg\": \"\"\n}\n";
    /** Where the meta-service keeps one record per instance (kernel namespace + InstanceStore). */
    private static final String INSTANCES = "/strata/meta-service/instances";
    /** The raw side's own folder, next to Strata's namespace. */
    private static final String RAW = "/strata-bench-raw";

    private final URI base;
    private final String token;
    private final CuratorFramework curator;
    private final int threads;
    private final int operations;
    private final long nodePid;
    /** Distinguishes the ids of this run from those of earlier runs on the same node. */
    private final String runId;

    /** One kept-alive connection per client thread; all closed after each phase. */
    private final ThreadLocal<HttpConnection> connection = new ThreadLocal<>();

    private final List<HttpConnection> connections = new CopyOnWriteArrayList<>();

    private BenchmarkMetaService(
            URI base, String token, CuratorFramework curator, int threads, int operations, long nodePid, String runId) {
        this.base = requireNonNull(base, "base is null");
        this.token = requireNonNull(token, "token is null");
        this.curator = requireNonNull(curator, "curator is null");
        this.threads = threads;
        this.operations = operations;
        this.nodePid = nodePid;
        this.runId = requireNonNull(runId, "runId is null");
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        URI base = URI.create(arguments.string("url"));
        String token = arguments.getOrDefault("token", "");
        if (token.isEmpty()) {
            token = Files.readString(arguments.path("token-file"), UTF_8).strip();
        }
        int threads = arguments.integer("threads", 32);
        int operations = arguments.integer("operations", 3200);
        int rounds = arguments.integer("rounds", 3);
        int warmupRounds = arguments.integer("warmup-rounds", 2);
        long nodePid = Long.parseLong(arguments.getOrDefault("node-pid", "-1"));
        if (operations % threads != 0) {
            throw new IllegalArgumentException("--operations must be a multiple of --threads");
        }
        try (CuratorFramework curator = CuratorFrameworkFactory.builder()
                .connectString(arguments.string("zookeeper"))
                .sessionTimeoutMs(60_000)
                .connectionTimeoutMs(15_000)
                .retryPolicy(new RetryOneTime(100))
                .build()) {
            curator.start();
            if (!curator.blockUntilConnected(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no ZooKeeper at " + arguments.string("zookeeper"));
            }
            String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            new BenchmarkMetaService(base, token, curator, threads, operations, nodePid, runId)
                    .run(warmupRounds, rounds);
        }
    }

    private record Phase(double opsPerSecond, double nodeCpuMicrosPerOp, double clientCpuMicrosPerOp) {}

    private static final class Results {
        private final List<Samples> samples = new ArrayList<>();

        Samples named(String name) {
            for (Samples existing : samples) {
                if (existing.name().equals(name)) {
                    return existing;
                }
            }
            Samples created = new Samples(name, name.endsWith("-ratio") ? 3 : 1);
            samples.add(created);
            return created;
        }

        void add(String name, Phase phase) {
            named(name).add(phase.opsPerSecond());
            named(name + "-node-cpu-us").add(phase.nodeCpuMicrosPerOp());
            named(name + "-client-cpu-us").add(phase.clientCpuMicrosPerOp());
        }
    }

    private void run(int warmupRounds, int rounds) throws Exception {
        int perThread = operations / threads;
        curator.create().orSetData().creatingParentsIfNeeded().forPath(RAW);

        // the JIT compiles the node's request path (Jetty, Jersey, Jackson, Curator) for a good while:
        // warm-up rounds until that is mostly done, so the rounds measure the steady state
        int[] createSizes = null;
        int[][] addNodeSizes = null;
        for (int warmup = 1; warmup <= Math.max(1, warmupRounds); warmup++) {
            log(
                    "warm-up %d: %d create_instance and %d add_node calls, and their raw twins",
                    warmup, operations, operations);
            String prefix = "w" + warmup;
            createInstances(prefix);
            createSizes = recordSizes(prefix, perThread);
            rawCreates(prefix, createSizes);
            addNodeSizes = addNodes(prefix, perThread).sizes();
            rawSetData(prefix, addNodeSizes);
            decodeKeys();
        }

        Results results = new Results();
        for (int round = 1; round <= rounds; round++) {
            String prefix = "r" + round;
            Phase createHttp;
            Phase createRaw;
            Phase addNodeHttp;
            Phase addNodeRaw;
            if (round % 2 == 1) {
                createHttp = createInstances(prefix);
                createRaw = rawCreates(prefix, createSizes);
                addNodeHttp = addNodes(prefix, perThread).phase();
                addNodeRaw = rawSetData(prefix, addNodeSizes);
            } else {
                createRaw = rawCreates(prefix, createSizes);
                createHttp = createInstances(prefix);
                addNodeRaw = rawSetData(prefix, addNodeSizes);
                addNodeHttp = addNodes(prefix, perThread).phase();
            }
            results.add("create-http", createHttp);
            results.add("create-raw", createRaw);
            results.add("addnode-http", addNodeHttp);
            results.add("addnode-raw", addNodeRaw);
            Phase floor = decodeKeys();
            results.add("decodekey-http", floor);
            // the two sides of a round ran back to back: their ratio is the paired figure
            results.named("create-ratio").add(createHttp.opsPerSecond() / createRaw.opsPerSecond());
            results.named("addnode-ratio").add(addNodeHttp.opsPerSecond() / addNodeRaw.opsPerSecond());
            results.named("decodekey-ratio").add(floor.opsPerSecond() / createRaw.opsPerSecond());
            log(
                    "round %d: create_instance %.0f/s (raw create %.0f/s), add_node %.0f/s (raw setData %.0f/s),"
                            + " decode_key %.0f/s",
                    round,
                    createHttp.opsPerSecond(),
                    createRaw.opsPerSecond(),
                    addNodeHttp.opsPerSecond(),
                    addNodeRaw.opsPerSecond(),
                    floor.opsPerSecond());
        }
        for (Samples samples : results.samples) {
            System.out.println(samples.resultLine());
        }
        Samples createBytes = new Samples("record-bytes-create");
        createBytes.add(createSizes[0]);
        System.out.println(createBytes.resultLine());
        Samples addNodeBytes = new Samples("record-bytes-addnode-final");
        addNodeBytes.add(addNodeSizes[0][perThread]);
        System.out.println(addNodeBytes.resultLine());
    }

    // ------------------------------------------------------------------------------ operations

    /** An add_node phase and each thread's record size before the first call and after each call. */
    private record AddNodeRun(Phase phase, int[][] sizes) {}

    private String instanceId(String prefix, int thread, int index) {
        return format(Locale.ROOT, "bench-%s-%s-t%03d-%06d", runId, prefix, thread, index);
    }

    /** The reference's create_instance example: an object-storage vault, so a record holds encrypted keys. */
    private static String createInstanceBody(String instanceId) {
        return """
                {"instance_id": "%s", "name": "sample_instance_name", "user_id": "sample_user_id",
                 "vault": {"obj_info": {"ak": "ak_xxxxxxxxxxx", "sk": "sk_xxxxxxxxxxx", "bucket": "sample_bucket_name",
                  "prefix": "sample_prefix", "endpoint": "cos.ap-beijing.myqcloud.com",
                  "external_endpoint": "cos.ap-beijing.myqcloud.com", "region": "ap-beijing", "provider": "COS"}}}""".formatted(instanceId);
    }

    private Phase createInstances(String prefix) throws Exception {
        return timed(
                threads,
                operations / threads,
                (thread, index) -> call("create_instance", createInstanceBody(instanceId(prefix, thread, index))));
    }

    /** Sizes of the records create_instance stored, in order of (thread, index). */
    private int[] recordSizes(String prefix, int perThread) throws Exception {
        int[] sizes = new int[operations];
        for (int thread = 0; thread < threads; thread++) {
            for (int index = 0; index < perThread; index++) {
                sizes[thread * perThread + index] = recordSize(instanceId(prefix, thread, index));
            }
        }
        return sizes;
    }

    private int recordSize(String instanceId) throws Exception {
        Stat stat = curator.checkExists().forPath(INSTANCES + "/" + recordName(instanceId));
        if (stat == null) {
            throw new IllegalStateException("no record for instance " + instanceId);
        }
        return stat.getDataLength();
    }

    private Phase rawCreates(String prefix, int[] sizes) throws Exception {
        curator.create().forPath(RAW + "/" + runId + prefix);
        int perThread = operations / threads;
        return timed(
                threads,
                perThread,
                (thread, index) -> curator.create()
                        .withMode(CreateMode.PERSISTENT)
                        .forPath(
                                RAW + "/" + runId + prefix + "/" + recordName(instanceId(prefix, thread, index)),
                                new byte[sizes[thread * perThread + index]]));
    }

    /**
     * One instance with one COMPUTE cluster per thread (not timed), then {@code perThread} add_node
     * calls per thread on its own cluster.
     */
    private AddNodeRun addNodes(String prefix, int perThread) throws Exception {
        String nodesPrefix = prefix + "n";
        for (int thread = 0; thread < threads; thread++) {
            String id = instanceId(nodesPrefix, thread, 0);
            call("create_instance", createInstanceBody(id));
            call("add_cluster", """
                    {"instance_id": "%s", "cluster": {"cluster_name": "cluster_name1", "cluster_id": "cluster_id1",
                     "type": "COMPUTE", "nodes": [{"cloud_unique_id": "1:%s:be-0", "ip": "172.16.0.1", "heartbeat_port": 9050}]}}""".formatted(id, id));
        }
        int[][] sizes = new int[threads][perThread + 1];
        for (int thread = 0; thread < threads; thread++) {
            sizes[thread][0] = recordSize(instanceId(nodesPrefix, thread, 0));
        }
        Phase phase = timed(threads, perThread, (thread, index) -> {
            String id = instanceId(nodesPrefix, thread, 0);
            call("add_node", """
                    {"instance_id": "%s", "cluster": {"cluster_name": "cluster_name1", "cluster_id": "cluster_id1",
                     "type": "COMPUTE", "nodes": [{"cloud_unique_id": "1:%s:be-%d", "ip": "10.%d.%d.%d", "heartbeat_port": 9050}]}}""".formatted(id, id, index + 1, thread, (index + 1) / 250, (index + 1) % 250));
        });
        // the sizes after each call: the final size, spread evenly (every call adds one node of the same shape)
        for (int thread = 0; thread < threads; thread++) {
            int last = recordSize(instanceId(nodesPrefix, thread, 0));
            for (int index = 1; index <= perThread; index++) {
                sizes[thread][index] = sizes[thread][0] + (int) ((long) (last - sizes[thread][0]) * index / perThread);
            }
        }
        return new AddNodeRun(phase, sizes);
    }

    /** One znode per thread, created at the first size (not timed), then setData with the expected version, growing. */
    private Phase rawSetData(String prefix, int[][] sizes) throws Exception {
        String folder = RAW + "/" + runId + prefix + "n";
        curator.create().forPath(folder);
        int[] versions = new int[threads];
        for (int thread = 0; thread < threads; thread++) {
            curator.create().forPath(folder + "/" + thread, new byte[sizes[thread][0]]);
        }
        int perThread = sizes[0].length - 1;
        return timed(threads, perThread, (thread, index) -> {
            Stat stat = curator.setData()
                    .withVersion(versions[thread])
                    .forPath(folder + "/" + thread, new byte[sizes[thread][index + 1]]);
            versions[thread] = stat.getVersion();
        });
    }

    /**
     * decode_key calls: the same HTTP path, token check and dispatch, but no ZooKeeper and no record;
     * for reading how much of a call is the HTTP stack.
     */
    private Phase decodeKeys() throws Exception {
        String key = recordName("decode-key-example");
        return timed(threads, operations / threads, (thread, index) -> {
            HttpConnection.Answer answer = connection()
                    .post("/MetaService/http/decode_key?token=" + token + "&key=" + key, "text/plain", new byte[0]);
            if (answer.status() != 200) {
                throw new IllegalStateException(
                        "decode_key answered " + answer.status() + ": " + new String(answer.body(), UTF_8));
            }
        });
    }

    private HttpConnection connection() {
        HttpConnection http = connection.get();
        if (http == null) {
            http = new HttpConnection(base);
            connection.set(http);
            connections.add(http);
        }
        return http;
    }

    /** One meta-service call as curl sends it ({@code -d}: POST, form content type); anything but 200 OK fails the run. */
    private void call(String name, String body) throws IOException {
        HttpConnection.Answer answer = connection()
                .post(
                        "/MetaService/http/" + name + "?token=" + token,
                        "application/x-www-form-urlencoded",
                        body.getBytes(UTF_8));
        String text = new String(answer.body(), UTF_8);
        if (answer.status() != 200 || !OK.equals(text)) {
            throw new IllegalStateException(
                    name + " answered " + answer.status() + ": " + text + " (body sent: " + body + ")");
        }
    }

    // ---------------------------------------------------------------------------------- timing

    @FunctionalInterface
    private interface Operation {
        void run(int thread, int index) throws Exception;
    }

    /** {@code threads} threads start together and each runs {@code perThread} operations; ops/s over the whole. */
    private Phase timed(int threadCount, int perThread, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        CountDownLatch ready = new CountDownLatch(threadCount);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong done = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < threadCount; thread++) {
                int id = thread;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int index = 0; index < perThread; index++) {
                        operation.run(id, index);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            ready.await();
            long nodeCpuBefore = nodeCpuNanos();
            long clientCpuBefore = clientCpuNanos();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            long elapsed = System.nanoTime() - start;
            long count = done.get();
            double nodeCpu = nodePid < 0 ? Double.NaN : (nodeCpuNanos() - nodeCpuBefore) / 1e3 / count;
            double clientCpu = (clientCpuNanos() - clientCpuBefore) / 1e3 / count;
            return new Phase(count / (elapsed / 1e9), nodeCpu, clientCpu);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            connections.forEach(HttpConnection::close);
            connections.clear();
            connection.remove();
        }
    }

    /** User + system CPU time of the node process so far (Linux {@code /proc/<pid>/stat}, clock ticks of 10 ms). */
    private long nodeCpuNanos() throws IOException {
        if (nodePid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + nodePid + "/stat"), UTF_8);
        // fields after the command name (which may hold spaces) start after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return TimeUnit.MILLISECONDS.toNanos(ticks * 10);
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // ---------------------------------------------------------------------------------- helpers

    /**
     * The znode name of an instance's record: the hex of its key {@code 0x01 "instance" <id>} in the
     * meta-service's key encoding (each string as {@code 0x10}, its bytes with {@code 0x00} escaped
     * as {@code 0x00 0xff}, then {@code 0x00 0x01}).
     */
    static String recordName(String instanceId) {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        key.write(0x01);
        for (String field : List.of("instance", instanceId)) {
            key.write(0x10);
            for (byte b : field.getBytes(UTF_8)) {
                key.write(b);
                if (b == 0) {
                    key.write(0xff);
                }
            }
            key.write(0x00);
            key.write(0x01);
        }
        return HexFormat.of().formatHex(key.toByteArray());
    }

    private static void log(String message, Object... values) {
        System.err.println("  " + format(Locale.ROOT, message, values));
    }
}
