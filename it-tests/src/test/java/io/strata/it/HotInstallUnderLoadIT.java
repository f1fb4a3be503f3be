package io.strata.it;

import static io.strata.it.TestingJars.HELLO_PATH;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Installing and removing a bundle swaps the HTTP application under the running server; clients
 * of the health call must not notice. The load goes to 127.0.0.1 only and is bounded: it runs
 * while the install/remove cycles run, for at least {@link #MIN_LOAD} and {@link #MIN_REQUESTS}
 * answers, never longer than {@link #MAX_LOAD} and at most {@link #MAX_REQUESTS_PER_THREAD}
 * requests a thread.
 */
final class HotInstallUnderLoadIT {
    private static final int THREADS = 8;
    private static final int CYCLES = 3;
    private static final Duration MIN_LOAD = Duration.ofSeconds(6);
    private static final Duration MAX_LOAD = Duration.ofSeconds(60);
    private static final long MIN_REQUESTS = 2_000;
    private static final long MAX_REQUESTS_PER_THREAD = 200_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static StrataProcess node;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(HotInstallUnderLoadIT.class);
        node.start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testInstallAndRemoveFailNoHealthRequest() throws Exception {
        Path example = TestingJars.exampleJar(node.home());
        AtomicLong ok = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicBoolean cyclesDone = new AtomicBoolean();
        long start = System.nanoTime();
        ExecutorService load = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                workers.add(load.submit(new HealthLoad(node.uri("/api/v1/health"), start, cyclesDone, ok, failures)));
            }

            for (int cycle = 0; cycle < CYCLES; cycle++) {
                node.dropBundle(example, "hello.jar");
                node.awaitStatus(TIMEOUT, HELLO_PATH, 200);
                node.deleteBundle("hello.jar");
                node.awaitStatus(TIMEOUT, HELLO_PATH, 404);
            }
            cyclesDone.set(true);
            for (Future<?> worker : workers) {
                worker.get(MAX_LOAD.toSeconds() + 30, TimeUnit.SECONDS);
            }

            assertThat(new TreeMap<>(failures))
                    .as(
                            "failed requests (%d succeeded) while installing and removing %d times%n%s",
                            ok.get(), CYCLES, node.logTail())
                    .isEmpty();
            assertThat(ok.get()).as("requests made").isGreaterThanOrEqualTo(MIN_REQUESTS);
        } finally {
            load.shutdownNow();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS))
                    .as("load threads stopped")
                    .isTrue();
        }
    }

    /** One client thread: GETs one after the other, counting 200s and every other outcome by kind. */
    private static final class HealthLoad implements Runnable {
        private final URI uri;
        private final long start;
        private final AtomicBoolean cyclesDone;
        private final AtomicLong ok;
        private final Map<String, AtomicLong> failures;

        HealthLoad(URI uri, long start, AtomicBoolean cyclesDone, AtomicLong ok, Map<String, AtomicLong> failures) {
            this.uri = requireNonNull(uri, "uri is null");
            this.start = start;
            this.cyclesDone = requireNonNull(cyclesDone, "cyclesDone is null");
            this.ok = requireNonNull(ok, "ok is null");
            this.failures = requireNonNull(failures, "failures is null");
        }

        @Override
        public void run() {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            for (long sent = 0;
                    sent < MAX_REQUESTS_PER_THREAD
                            && goOn()
                            && !Thread.currentThread().isInterrupted();
                    sent++) {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.computeIfAbsent(
                                        "HTTP " + response.statusCode() + " " + response.body(),
                                        key -> new AtomicLong())
                                .incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    failures.computeIfAbsent(e.toString(), key -> new AtomicLong())
                            .incrementAndGet();
                }
            }
        }

        private boolean goOn() {
            long elapsed = System.nanoTime() - start;
            return elapsed < MAX_LOAD.toNanos()
                    && (!cyclesDone.get() || elapsed < MIN_LOAD.toNanos() || ok.get() < MIN_REQUESTS);
        }
    }
}
