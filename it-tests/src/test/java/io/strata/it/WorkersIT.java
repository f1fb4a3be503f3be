package io.strata.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A coordinator (with the embedded ZooKeeper) and two workers, each a process started from the
 * tarball: membership in {@code /api/v1/nodes}, reads through the ring with ranges, MISS then HIT,
 * a restarted worker serving from its cache, invalidation when the UFS file changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class WorkersIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PAGE = 1 << 20;
    private static final int TIER_MIB = 16;
    private static final Pattern IDENTITY = Pattern.compile("worker-[0-9a-f-]{36}");

    private static final String BUCKET = "workers-it";

    private static TestingS3 s3;
    private static byte[] object;
    private static StrataProcess coordinator;
    private static final List<StrataProcess> workers = new ArrayList<>();
    private static Path folder;
    private static byte[] big;
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startCluster() throws Exception {
        coordinator = StrataProcess.install(WorkersIT.class).siteProperty("strata.role", "coordinator");
        folder = Files.createDirectories(coordinator.scratchDir().resolve("ufs"));
        big = new byte[3 * PAGE + 12_345];
        new Random(42).nextBytes(big);
        Files.write(folder.resolve("big.bin"), big);
        s3 = new TestingS3();
        s3.createBucket(BUCKET);
        object = Arrays.copyOfRange(big, 7, 7 + 2 * PAGE + 99);
        s3.put(BUCKET, "data/object.bin", object);
        coordinator.start();
        for (int i = 0; i < 2; i++) {
            StrataProcess worker = StrataProcess.install(WorkersIT.class)
                    .siteProperty("strata.role", "worker")
                    .siteProperty("strata.zookeeper.address", "127.0.0.1:" + coordinator.zookeeperPort())
                    .siteProperty("strata.zookeeper.session.timeout.ms", "4000")
                    .siteProperty("strata.read.metadata.ttl.ms", "100")
                    .siteProperty("strata.worker.cache.tiers", "SSD:cache:" + TIER_MIB + "MiB")
                    .siteProperty("strata.worker.cache.eviction.interval.ms", "200");
            workers.add(worker);
            worker.start();
        }
        HttpResponse<String> mounted = coordinator.send(coordinator
                .request("/api/v1/mount")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"/local\",\"ufs\":\"" + folder.toUri() + "\"}"))
                .build());
        assertThat(mounted.statusCode()).as(mounted.body()).isEqualTo(200);
        Map<String, Object> s3Mount =
                Map.of("path", "/s3", "ufs", "s3://" + BUCKET + "/data", "options", s3.mountOptions());
        HttpResponse<String> s3Mounted = coordinator.send(coordinator
                .request("/api/v1/mount")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(s3Mount)))
                .build());
        assertThat(s3Mounted.statusCode()).as(s3Mounted.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopCluster() {
        workers.forEach(StrataProcess::close);
        if (coordinator != null) {
            coordinator.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void bothWorkersAreOnlineWithTheirAddresses() {
        JsonNode nodes = awaitNodes(list -> list.size() == 2 && allOnline(list));
        List<String> addresses = new ArrayList<>();
        for (JsonNode node : nodes) {
            assertThat(node.get("identity").asText()).matches(IDENTITY);
            assertThat(node.get("status").asText()).isEqualTo("ONLINE");
            addresses.add(node.get("address").asText());
        }
        assertThat(addresses)
                .containsExactlyInAnyOrder(
                        "127.0.0.1:" + workers.get(0).httpPort(),
                        "127.0.0.1:" + workers.get(1).httpPort());
        String identity = identityOf(workers.get(0));
        HttpResponse<String> one = coordinator.get("/api/v1/nodes?id=" + identity);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Json.parse(one.body()).get("status").asText()).isEqualTo("ONLINE");
        HttpResponse<String> unknown = coordinator.get("/api/v1/nodes?id=worker-nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"status\":\"worker not found: worker-nope\"}");
        StrataProcess.CommandResult list = coordinator.strata("nodes", "list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout()).contains(identity).contains("ONLINE");
        HttpResponse<String> online = coordinator.delete("/api/v1/nodes?id=" + identity);
        assertThat(online.statusCode()).isEqualTo(409);
        assertThat(online.body()).contains("is ONLINE");
    }

    @Test
    @Order(2)
    void readsGoToTheOwnerMissThenHitWithRanges() {
        HttpResponse<byte[]> redirect = read(coordinator.uri("/api/v1/file?path=/local/big.bin"), Map.of());
        assertThat(redirect.statusCode()).isEqualTo(307);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/api/v1/worker/file");
        assertThat(workers.stream().map(worker -> worker.httpPort()).toList()).contains(location.getPort());

        HttpResponse<byte[]> miss = read(location, Map.of());
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.headers().firstValue("X-Strata-Cache")).contains("MISS");
        assertThat(miss.headers().firstValue("Content-Length")).contains(String.valueOf(big.length));
        assertThat(miss.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(miss.headers().firstValue("ETag")).isPresent();
        assertThat(miss.body()).isEqualTo(big);

        HttpResponse<byte[]> hit = awaitOutcome(location, Map.of(), "HIT");
        assertThat(hit.body()).isEqualTo(big);
        assertThat(hit.headers().firstValue("ETag")).isEqualTo(miss.headers().firstValue("ETag"));

        HttpResponse<byte[]> range = read(location, Map.of("Range", "bytes=1000-2100999"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 1000-2100999/" + big.length);
        assertThat(range.headers().firstValue("X-Strata-Cache")).contains("HIT");
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(big, 1000, 2_101_000));

        HttpResponse<byte[]> suffix = read(location, Map.of("Range", "bytes=-10"));
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(big, big.length - 10, big.length));

        HttpResponse<byte[]> past = read(location, Map.of("Range", "bytes=" + big.length + "-"));
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).contains("bytes */" + big.length);
        assertThat(new String(past.body(), UTF_8)).startsWith("{\"status\":\"Range not satisfiable");

        HttpResponse<byte[]> head = send("HEAD", location, Map.of("Range", "bytes=0-99"));
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Length")).contains("100");
        assertThat(head.headers().firstValue("Content-Range")).contains("bytes 0-99/" + big.length);
        assertThat(head.headers().firstValue("X-Strata-Cache")).contains("HIT");
        assertThat(head.body()).isEmpty();

        // conditional reads: a client holding this version gets 304; a resumed range of another
        // version gets the whole file, of this version its range
        String etag = hit.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = read(location, Map.of("If-None-Match", etag));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("ETag")).contains(etag);
        assertThat(unchanged.body()).isEmpty();
        HttpResponse<byte[]> changed = read(location, Map.of("If-None-Match", "\"another\""));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(big);
        HttpResponse<byte[]> sameVersion = read(location, Map.of("Range", "bytes=0-99", "If-Range", etag));
        assertThat(sameVersion.statusCode()).isEqualTo(206);
        assertThat(sameVersion.body()).isEqualTo(Arrays.copyOfRange(big, 0, 100));
        HttpResponse<byte[]> otherVersion = read(location, Map.of("Range", "bytes=0-99", "If-Range", "\"another\""));
        assertThat(otherVersion.statusCode()).isEqualTo(200);
        assertThat(otherVersion.body()).isEqualTo(big);

        HttpResponse<byte[]> missing = read(coordinator.uri("/api/v1/file?path=/local/none.bin"), Map.of());
        HttpResponse<byte[]> missingOnWorker =
                read(URI.create(missing.headers().firstValue("Location").orElseThrow()), Map.of());
        assertThat(missingOnWorker.statusCode()).isEqualTo(404);
        assertThat(new String(missingOnWorker.body(), UTF_8)).contains("No such file or directory: /local/none.bin");
        HttpResponse<byte[]> unmounted = read(coordinator.uri("/api/v1/file?path=/elsewhere/x"), Map.of());
        assertThat(unmounted.statusCode()).isEqualTo(400);
        assertThat(new String(unmounted.body(), UTF_8)).contains("No mounted UFS found");
    }

    @Test
    @Order(7)
    void readsFromAnS3MountMissThenHitWithRanges() {
        URI location = ownerUri("/s3/object.bin");
        HttpResponse<byte[]> miss = read(location, Map.of());
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.headers().firstValue("X-Strata-Cache")).contains("MISS");
        assertThat(miss.body()).isEqualTo(object);
        // the ETag is the object's own
        assertThat(miss.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9a-f]{32}\"");

        HttpResponse<byte[]> hit = awaitOutcome(location, Map.of(), "HIT");
        assertThat(hit.body()).isEqualTo(object);
        HttpResponse<byte[]> range = read(location, Map.of("Range", "bytes=" + (PAGE - 5) + "-" + (PAGE + 4)));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("X-Strata-Cache")).contains("HIT");
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(object, PAGE - 5, PAGE + 5));

        // a new object under the same key has a new ETag: the cached pages are not served
        byte[] replaced = Arrays.copyOf(object, object.length);
        replaced[0] ^= 1;
        s3.put(BUCKET, "data/object.bin", replaced);
        HttpResponse<byte[]> fresh = Poll.await(
                WAIT, "the replaced object", () -> read(location, Map.of()), r -> Arrays.equals(r.body(), replaced));
        assertThat(fresh.headers().firstValue("X-Strata-Cache")).contains("MISS");
    }

    @Test
    @Order(3)
    void aPartlyCachedFileIsPartialAndAChangedUfsFileIsReadAfresh() throws IOException {
        byte[] two = Arrays.copyOf(big, 2 * PAGE);
        Files.write(folder.resolve("two-pages.bin"), two);
        URI twoPages = ownerUri("/local/two-pages.bin");
        Map<String, String> firstPage = Map.of("Range", "bytes=0-99");
        assertThat(read(twoPages, firstPage).headers().firstValue("X-Strata-Cache"))
                .contains("MISS");
        awaitOutcome(twoPages, firstPage, "HIT");
        HttpResponse<byte[]> partial = read(twoPages, Map.of());
        assertThat(partial.headers().firstValue("X-Strata-Cache")).contains("PARTIAL");
        assertThat(partial.body()).isEqualTo(two);

        byte[] small = "version one".getBytes(UTF_8);
        Path file = folder.resolve("changing.txt");
        Files.write(file, small);
        URI location = ownerUri("/local/changing.txt");
        assertThat(read(location, Map.of()).headers().firstValue("X-Strata-Cache"))
                .contains("MISS");
        assertThat(awaitOutcome(location, Map.of(), "HIT").body()).isEqualTo(small);

        byte[] changed = "version two, longer".getBytes(UTF_8);
        Files.write(file, changed);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        HttpResponse<byte[]> after = Poll.await(
                WAIT,
                "the changed file to be read",
                () -> read(location, Map.of()),
                r -> Arrays.equals(r.body(), changed));
        assertThat(after.headers().firstValue("X-Strata-Cache")).contains("MISS");

        // the CLI reads through the same path, following the redirect, whole or a range
        StrataProcess.CommandResult cat = coordinator.strata("fs", "cat", "/local/changing.txt");
        assertThat(cat.exitCode()).as(cat.describe()).isZero();
        assertThat(cat.stdout()).isEqualTo("version two, longer");
        StrataProcess.CommandResult range =
                coordinator.strata("fs", "cat", "--offset", "8", "--length", "3", "/local/changing.txt");
        assertThat(range.stdout()).as(range.describe()).isEqualTo("two");
    }

    @Test
    @Order(4)
    void aRestartedWorkerServesItsCacheWithoutReadingTheUfs() {
        URI location = ownerUri("/local/big.bin");
        awaitOutcome(location, Map.of(), "HIT");
        StrataProcess owner = workerAt(location.getPort());
        String identity = identityOf(owner);
        owner.stop();
        awaitNodes(list -> statusOf(list, identity).equals("OFFLINE"));
        owner.start();
        awaitNodes(list -> statusOf(list, identity).equals("ONLINE"));

        HttpResponse<byte[]> hit = read(location, Map.of());
        assertThat(hit.headers().firstValue("X-Strata-Cache")).contains("HIT");
        assertThat(hit.body()).isEqualTo(big);
        assertThat(meterCount(owner, "ufs")).isZero();
        assertThat(meterCount(owner, "cache")).isEqualTo(big.length);
    }

    @Test
    @Order(5)
    void aKilledWorkerGoesOfflineAndComesBackWithTheSameIdentity() {
        StrataProcess worker = workers.get(1);
        String identity = identityOf(worker);
        worker.killNode();
        awaitNodes(list -> statusOf(list, identity).equals("OFFLINE"));
        // all reads now go to the other worker
        URI location = ownerUri("/local/big.bin");
        assertThat(location.getPort()).isEqualTo(workers.get(0).httpPort());
        worker.start();
        awaitNodes(list -> statusOf(list, identity).equals("ONLINE"));
        assertThat(identityOf(worker)).isEqualTo(identity);
    }

    @Test
    @Order(6)
    void fillingATierPastItsHighWatermarkEvictsDownToTheLowOne() throws IOException {
        StrataProcess worker = workers.get(0);
        byte[] page = Arrays.copyOf(big, PAGE);
        int files = TIER_MIB + 4;
        for (int i = 0; i < files; i++) {
            Files.write(folder.resolve("fill-" + i + ".bin"), page);
        }
        // read every file through this one worker (any worker serves any path when asked directly)
        for (int i = 0; i < files; i++) {
            HttpResponse<byte[]> response =
                    read(worker.uri("/api/v1/worker/file?path=/local/fill-" + i + ".bin"), Map.of());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(page);
        }
        long capacity = (long) TIER_MIB * PAGE;
        // one background round takes the tier from over 95 % to at most 70 %: at least 4 of its 16 pages
        Poll.await(
                WAIT,
                "background (watermark) evictions",
                () -> metric(worker, "strata_worker_cache_page_evictions", "reason=\"watermark\""),
                evicted -> evicted >= 4);
        double used = metric(worker, "strata_worker_cache_tier_used_bytes", "tier=");
        assertThat(used).isPositive().isLessThanOrEqualTo(0.95 * capacity);
        assertThat(metric(worker, "strata_worker_cache_tier_pages", "tier=")).isPositive();
        // the most recently read files are the ones kept
        awaitOutcome(worker.uri("/api/v1/worker/file?path=/local/fill-" + (files - 1) + ".bin"), Map.of(), "HIT");
        HttpResponse<byte[]> first = read(worker.uri("/api/v1/worker/file?path=/local/fill-0.bin"), Map.of());
        assertThat(first.headers().firstValue("X-Strata-Cache")).contains("MISS");
    }

    // ------------------------------------------------------------------ helpers

    /** The first sample of a metric whose labels contain {@code label}, in the worker's Prometheus output. */
    private static double metric(StrataProcess worker, String name, String label) {
        String text = worker.get("/metrics?format=prometheus").body();
        Matcher matcher =
                Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(text);
        while (matcher.find()) {
            if (matcher.group(1) != null && matcher.group(1).contains(label)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError(name + "{" + label + "} not in\n" + text);
    }

    private static URI ownerUri(String path) {
        HttpResponse<byte[]> redirect = read(coordinator.uri("/api/v1/file?path=" + path), Map.of());
        assertThat(redirect.statusCode()).as(new String(redirect.body(), UTF_8)).isEqualTo(307);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
    }

    private static StrataProcess workerAt(int port) {
        return workers.stream()
                .filter(worker -> worker.httpPort() == port)
                .findFirst()
                .orElseThrow();
    }

    private static String identityOf(StrataProcess worker) {
        try {
            return Files.readString(worker.home().resolve("data/worker/identity"))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> awaitOutcome(URI location, Map<String, String> headers, String outcome) {
        return Poll.await(
                WAIT,
                outcome + " from " + location,
                () -> read(location, headers),
                response -> response.headers()
                        .firstValue("X-Strata-Cache")
                        .orElse("")
                        .equals(outcome));
    }

    private static JsonNode awaitNodes(java.util.function.Predicate<JsonNode> accepted) {
        return Poll.await(
                WAIT,
                "the worker list",
                () -> Json.parse(coordinator.get("/api/v1/nodes").body()).get("result"),
                accepted);
    }

    private static boolean allOnline(JsonNode list) {
        for (JsonNode node : list) {
            if (!node.get("status").asText().equals("ONLINE")) {
                return false;
            }
        }
        return true;
    }

    private static String statusOf(JsonNode list, String identity) {
        for (JsonNode node : list) {
            if (node.get("identity").asText().equals(identity)) {
                return node.get("status").asText();
            }
        }
        return "ABSENT";
    }

    /** The count of the worker's {@code strata.worker.read.bytes} meter of one source, from /metrics in Prometheus form. */
    private static long meterCount(StrataProcess worker, String source) {
        return (long) metric(worker, "strata_worker_read_bytes_total", "source=\"" + source + "\"");
    }

    private static HttpResponse<byte[]> read(URI uri, Map<String, String> headers) {
        return send("GET", uri, headers);
    }

    private static HttpResponse<byte[]> send(String method, URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(StrataProcess.HTTP_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
