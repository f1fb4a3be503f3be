package io.strata.meta.service.internal;

import io.strata.meta.service.internal.TestingMetaService.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;

/**
 * create_instance and add_node ops/s through the meta-service (resource entry point, JSON parsing,
 * compare-and-set, encryption) against raw Curator {@code create}/{@code setData} of the same
 * payload sizes on the same ZooKeeper. Not a test: run its main() with the test class path.
 * Arguments: [threads] [operations per thread].
 */
final class BenchmarkMetaService {
    private BenchmarkMetaService() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (TestingMetaService meta = new TestingMetaService()) {
            CuratorFramework curator = meta.zooKeeper().curator();
            // warm up
            run(
                    threads,
                    20,
                    (thread, i) -> check(
                            meta.call("create_instance", "{\"instance_id\": \"warm-" + thread + "-" + i + "\"}")));
            run(
                    threads,
                    20,
                    (thread, i) -> curator.create()
                            .creatingParentsIfNeeded()
                            .forPath("/raw-warm/" + thread + "-" + i, new byte[200]));

            // alternate the two sides and keep the better of two rounds each, so warm-up and
            // ZooKeeper log preallocation do not favour one side
            double createOps = 0;
            double rawCreateOps = 0;
            for (int round = 0; round < 2; round++) {
                String prefix = "r" + round + "-";
                rawCreateOps = Math.max(
                        rawCreateOps,
                        run(
                                threads,
                                perThread,
                                (thread, i) -> curator.create()
                                        .creatingParentsIfNeeded()
                                        .forPath("/raw/" + prefix + thread + "-" + i, new byte[200])));
                createOps = Math.max(
                        createOps,
                        run(
                                threads,
                                perThread,
                                (thread, i) -> check(meta.call(
                                        "create_instance",
                                        "{\"instance_id\": \"" + prefix + "bench-" + thread + "-" + i
                                                + "\", \"name\": \"n\", \"user_id\": \"u\"}"))));
            }

            // add_node: every thread adds nodes to its own instance's cluster (no cross-thread conflicts)
            for (int thread = 0; thread < threads; thread++) {
                check(meta.call(
                        "add_cluster",
                        "{\"instance_id\": \"r0-bench-" + thread
                                + "-0\", \"cluster\": {\"cluster_name\": \"c\", \"cluster_id\": \"c\","
                                + " \"type\": \"COMPUTE\"}}"));
                curator.create().forPath("/raw-node-" + thread, new byte[400]);
            }
            double addNodeOps = run(
                    threads,
                    perThread,
                    (thread, i) -> check(meta.call(
                            "add_node",
                            "{\"instance_id\": \"r0-bench-" + thread
                                    + "-0\", \"cluster\": {\"cluster_name\": \"c\", \"type\": \"COMPUTE\", \"nodes\": [{\"cloud_unique_id\": \"1:r0-bench-"
                                    + thread
                                    + "-0:n" + i + "\", \"ip\": \"10.0." + thread + "." + (i % 250)
                                    + "\", \"heartbeat_port\": " + (9000 + i) + "}]}}")));
            double rawSetOps = run(threads, perThread, (thread, i) -> {
                byte[] data = curator.getData().forPath("/raw-node-" + thread);
                byte[] grown = new byte[data.length + 150];
                curator.setData().forPath("/raw-node-" + thread, grown);
            });
            System.out.printf(
                    "threads=%d ops/thread=%d reloads=%d conflicts=%d%n",
                    threads, perThread, meta.store().reloads(), meta.store().conflicts());
            System.out.printf(
                    "create_instance %.0f ops/s, raw create %.0f ops/s, ratio %.2f%n",
                    createOps, rawCreateOps, createOps / rawCreateOps);
            System.out.printf(
                    "add_node        %.0f ops/s, raw get+setData %.0f ops/s, ratio %.2f%n",
                    addNodeOps, rawSetOps, addNodeOps / rawSetOps);
        }
    }

    @FunctionalInterface
    private interface Operation {
        void run(int thread, int index) throws Exception;
    }

    private static void check(Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException(reply.toString());
        }
    }

    private static double run(int threads, int perThread, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        operation.run(id, i);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return done.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
