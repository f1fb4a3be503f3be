package io.strata.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S3 and HDFS mounts on a node of the tarball, over HTTP: this JVM runs a real S3 server (S3Proxy,
 * in memory) and a real HDFS (a {@link MiniDFSCluster}: one NameNode, one DataNode), both on
 * 127.0.0.1, and the node mounts them with the tarball's {@code strata-ufs-s3} and
 * {@code strata-ufs-hdfs} plugins.
 */
final class UfsMountIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String OK = "{\"status\":\"ok\"}";
    private static final String BUCKET = "it-bucket";
    private static final String ACCESS_KEY = TestingS3.ACCESS_KEY;
    private static final String SECRET_KEY = TestingS3.SECRET_KEY;
    private static final Map<String, String> S3_FILES = Map.of(
            "data/a.csv", "id,name\n1,alpha\n",
            "data/b.csv", "id,name\n2,beta\n",
            "data/c.csv", "id,name\n3,gamma\n",
            "data/sub/d.csv", "id,name\n4,delta\n",
            "other/x.csv", "not under the mount\n");
    private static final List<String> HDFS_FILES = List.of("part-0000", "part-0001", "part-0002", "part-0003");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern S3_PLUGIN_ACTIVE =
            Pattern.compile("\"symbolicName\":\"io\\.strata\\.ufs\\.s3\",\"version\":\"[^\"]*\",\"state\":\"ACTIVE\"");

    private static TestingS3 s3;
    private static MiniDFSCluster hdfs;
    private static FileSystem hdfsAdmin;
    private static StrataProcess node;

    @BeforeAll
    static void startStoresAndNode() throws Exception {
        node = StrataProcess.install(UfsMountIT.class);
        // the mini-cluster takes as long as the node to start: side by side
        // beside the node's folder, not in it: the node's folder goes first when the class ends
        Path hdfsDir = Path.of(System.getProperty("strata.it.work.dir", System.getProperty("java.io.tmpdir")))
                .resolve("UfsMountIT-minidfs-" + UUID.randomUUID());
        CompletableFuture<MiniDFSCluster> cluster = CompletableFuture.supplyAsync(() -> startHdfs(hdfsDir));
        try {
            s3 = new TestingS3();
            assertThat(s3.uri().getHost()).isEqualTo("127.0.0.1");
            s3.createBucket(BUCKET);
            S3_FILES.forEach((key, content) -> s3.put(BUCKET, key, content.getBytes(UTF_8)));
            node.start();
        } finally {
            hdfs = cluster.get(120, TimeUnit.SECONDS);
        }
        hdfsAdmin = hdfs.getFileSystem();
        for (String name : HDFS_FILES) {
            try (OutputStream out = hdfsAdmin.create(new org.apache.hadoop.fs.Path("/warehouse/t1/" + name))) {
                out.write(name.getBytes(UTF_8));
            }
        }
        hdfsAdmin.mkdirs(new org.apache.hadoop.fs.Path("/warehouse/t2"));
    }

    private static MiniDFSCluster startHdfs(Path dir) {
        Configuration configuration = new Configuration();
        // WebHDFS scans the whole mini-cluster jar for its resources at start: seconds, and unused here
        configuration.setBoolean("dfs.webhdfs.enabled", false);
        try {
            MiniDFSCluster cluster = new MiniDFSCluster.Builder(configuration, dir.toFile())
                    .numDataNodes(1)
                    .build();
            cluster.waitActive();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HDFS mini-cluster", e);
        }
    }

    @AfterEach
    void unmountAll() {
        if (node.nodeProcesses().isEmpty()) {
            node.start();
        }
        if (!Files.exists(s3Plugin())) {
            move(parkedS3Plugin(), s3Plugin());
            Poll.await(
                    TIMEOUT,
                    "the s3 plugin active again",
                    () -> S3_PLUGIN_ACTIVE
                            .matcher(node.get("/api/v1/bundles").body())
                            .find());
        }
        for (JsonNode mount : Json.parse(node.get("/api/v1/mount").body()).get("results")) {
            HttpResponse<String> removed =
                    send("DELETE", Map.of("path", mount.get("path").asText()));
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopAll() throws IOException {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            try {
                if (hdfsAdmin != null) {
                    hdfsAdmin.close();
                }
                if (hdfs != null) {
                    hdfs.shutdown(true);
                }
            } finally {
                if (s3 != null) {
                    s3.close();
                }
            }
        }
    }

    @Test
    void testS3MountListStatusAndMaskedSecrets() throws Exception {
        assertThat(mount("/s3", "s3://" + BUCKET + "/data", s3Options()).body()).isEqualTo(OK);

        String entry = "{\"path\":\"/s3/\",\"ufs\":\"s3://" + BUCKET + "/data/\",\"options\":{"
                + "\"s3a.accessKeyId\":\"******\",\"s3a.endpoint\":\"" + s3.uri() + "\","
                + "\"s3a.pathStyleAccess\":\"true\",\"s3a.region\":\"us-east-1\",\"s3a.secretKey\":\"******\"}}";
        HttpResponse<String> one = node.get("/api/v1/mount?path=/s3");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo(entry);
        assertThat(node.get("/api/v1/mount").body()).isEqualTo("{\"results\":[" + entry + "]}");

        assertThat(listAll("/s3", 2)).containsExactly("/s3/a.csv", "/s3/b.csv", "/s3/c.csv", "/s3/sub");

        HttpResponse<String> status = node.get("/api/v1/fs/status?path=/s3/b.csv");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode file = Json.parse(status.body());
        assertThat(file.get("path").asText()).isEqualTo("/s3/b.csv");
        assertThat(file.get("ufs").asText()).isEqualTo("s3://" + BUCKET + "/data/b.csv");
        assertThat(file.get("directory").asBoolean()).isFalse();
        assertThat(file.get("length").asLong())
                .isEqualTo(S3_FILES.get("data/b.csv").length());
        assertThat(file.get("fingerprint").asText()).contains(md5(S3_FILES.get("data/b.csv")));
        assertThat(file.get("lastModifiedMs").asLong()).isPositive();

        JsonNode directory =
                Json.parse(node.get("/api/v1/fs/status?path=/s3/sub").body());
        assertThat(directory.get("directory").asBoolean()).isTrue();
        assertError(node.get("/api/v1/fs/status?path=/s3/x.csv"), 404, "No such file or directory: /s3/x.csv");
        assertError(node.get("/api/v1/fs/list?path=/s3/none"), 404, "No such directory: /s3/none");

        assertThat(node.log()).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY);
    }

    @Test
    void testHdfsMountListAndStatus() throws Exception {
        String ufs = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/warehouse";
        assertThat(mount("/hdfs", ufs, Map.of("dfs.client.use.datanode.hostname", "false"))
                        .body())
                .isEqualTo(OK);
        assertThat(node.get("/api/v1/mount?path=/hdfs").body())
                .isEqualTo("{\"path\":\"/hdfs/\",\"ufs\":\"" + ufs
                        + "/\",\"options\":{\"dfs.client.use.datanode.hostname\":\"false\"}}");

        assertThat(listAll("/hdfs", 10)).containsExactly("/hdfs/t1", "/hdfs/t2");
        List<String> parts = listAll("/hdfs/t1", 3);
        assertThat(parts)
                .containsExactly(
                        "/hdfs/t1/part-0000", "/hdfs/t1/part-0001", "/hdfs/t1/part-0002", "/hdfs/t1/part-0003");

        HttpResponse<String> status = node.get("/api/v1/fs/status?path=/hdfs/t1/part-0002");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode file = Json.parse(status.body());
        org.apache.hadoop.fs.FileStatus expected =
                hdfsAdmin.getFileStatus(new org.apache.hadoop.fs.Path("/warehouse/t1/part-0002"));
        assertThat(file.get("ufs").asText()).isEqualTo(ufs + "/t1/part-0002");
        assertThat(file.get("directory").asBoolean()).isFalse();
        assertThat(file.get("length").asLong()).isEqualTo(expected.getLen());
        assertThat(file.get("lastModifiedMs").asLong()).isEqualTo(expected.getModificationTime());
        assertThat(file.get("fingerprint").asText())
                .startsWith(Long.toHexString(expected.getLen()) + "-" + Long.toHexString(expected.getModificationTime())
                        + "-");
        JsonNode directory =
                Json.parse(node.get("/api/v1/fs/status?path=/hdfs/t2").body());
        assertThat(directory.get("directory").asBoolean()).isTrue();
        assertError(node.get("/api/v1/fs/status?path=/hdfs/nothing"), 404, "No such file or directory: /hdfs/nothing");
        assertError(node.get("/api/v1/fs/list?path=/hdfs/t1/part-0000"), 404, "No such directory: /hdfs/t1/part-0000");
    }

    @Test
    void testUnreachableStoresAreRefusedWithTheReason() throws Exception {
        int closedPort = closedPort();
        Map<String, String> wrongPort = s3Options();
        wrongPort.put("s3a.endpoint", "http://127.0.0.1:" + closedPort);
        HttpResponse<String> refused = mount("/s3", "s3://" + BUCKET, wrongPort);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .startsWith("{\"status\":\"UFS s3://" + BUCKET
                        + "/ is not reachable: Cannot connect to http://127.0.0.1:" + closedPort + ": ");

        Map<String, String> wrongSecret = s3Options();
        wrongSecret.put("s3a.secretKey", "not-the-secret-17");
        HttpResponse<String> denied = mount("/s3", "s3://" + BUCKET, wrongSecret);
        assertError(
                denied,
                400,
                "UFS s3://" + BUCKET + "/ is not reachable: Access to bucket " + BUCKET + " is denied at " + s3.uri()
                        + " (check s3a.accessKeyId and s3a.secretKey)");
        assertError(
                mount("/s3", "s3://no-such-bucket", s3Options()),
                400,
                "UFS s3://no-such-bucket/ is not reachable: Bucket no-such-bucket does not exist at " + s3.uri());

        String hdfsRefused = "hdfs://127.0.0.1:" + closedPort + "/warehouse/";
        assertError(
                mount("/hdfs", hdfsRefused, Map.of()),
                400,
                "UFS " + hdfsRefused + " is not reachable: Cannot connect to the NameNode of " + hdfsRefused
                        + ": Connection refused");
        String namenode = "127.0.0.1:" + hdfs.getNameNodePort();
        assertError(
                mount("/hdfs", "hdfs://" + namenode + "/nowhere", Map.of()),
                400,
                "UFS hdfs://" + namenode + "/nowhere/ is not reachable: Folder hdfs://" + namenode
                        + "/nowhere does not exist");
        HttpResponse<String> badOption =
                mount("/hdfs", "hdfs://" + namenode + "/warehouse", Map.of("hdfs.colour", "red"));
        assertThat(badOption.statusCode()).isEqualTo(400);
        assertThat(badOption.body())
                .startsWith("{\"status\":\"Invalid configuration of UFS hdfs://" + namenode
                        + "/warehouse/: unknown option(s) hdfs.colour; the options are hdfs.configuration.files,");

        assertThat(node.get("/api/v1/mount").body()).isEqualTo("{\"results\":[]}");
        assertThat(node.log()).doesNotContain("not-the-secret-17").doesNotContain(SECRET_KEY);
    }

    @Test
    void testMountsSurviveRestart() {
        assertThat(mount("/s3", "s3://" + BUCKET + "/data", s3Options()).body()).isEqualTo(OK);
        assertThat(mount("/hdfs", "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/warehouse", Map.of())
                        .body())
                .isEqualTo(OK);
        node.stop();
        node.start();
        assertThat(node.awaitStatus(TIMEOUT, "/api/v1/mount?path=/s3", 200).body())
                .contains("\"s3a.secretKey\":\"******\"");
        assertThat(node.awaitStatus(TIMEOUT, "/api/v1/fs/status?path=/s3/a.csv", 200)
                        .body())
                .contains("\"length\":" + S3_FILES.get("data/a.csv").length());
        assertThat(node.awaitStatus(TIMEOUT, "/api/v1/fs/status?path=/hdfs/t1/part-0001", 200)
                        .body())
                .contains("\"length\":" + "part-0001".length());
    }

    /**
     * Removing the s3 plugin's jar at runtime: the S3 mount stays in the table but answers 503
     * naming the missing scheme, the node stays healthy and its {@code mounts} check says why, and
     * the HDFS mount keeps working. Putting the jar back restores the S3 mount.
     */
    @Test
    void testRemovedS3PluginMakesS3MountsUnavailableUntilItIsBack() {
        assertThat(mount("/s3", "s3://" + BUCKET + "/data", s3Options()).body()).isEqualTo(OK);
        assertThat(mount("/hdfs", "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/warehouse", Map.of())
                        .body())
                .isEqualTo(OK);
        assertThat(node.get("/api/v1/fs/status?path=/s3/a.csv").statusCode()).isEqualTo(200);
        assertThat(Json.parse(node.get("/api/v1/health").body())
                        .get("checks")
                        .get("mounts")
                        .asText())
                .isEqualTo("ok");

        move(s3Plugin(), parkedS3Plugin());
        String unavailable = "UFS scheme s3 of mount point /s3 is not available: No UFS connector is installed for"
                + " scheme 's3' (installed schemes: file, hdfs)";
        HttpResponse<String> status = node.awaitStatus(TIMEOUT, "/api/v1/fs/status?path=/s3/a.csv", 503);
        assertThat(status.body()).isEqualTo("{\"status\":\"" + unavailable + "\"}");
        assertError(node.get("/api/v1/fs/list?path=/s3"), 503, unavailable);
        assertThat(node.get("/api/v1/mount?path=/s3").statusCode())
                .as("the mount stays in the table")
                .isEqualTo(200);
        assertThat(node.get("/api/v1/fs/status?path=/hdfs/t1/part-0000").statusCode())
                .isEqualTo(200);
        HttpResponse<String> health = node.get("/api/v1/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(Json.parse(health.body()).get("checks").get("mounts").asText())
                .isEqualTo("ok: no UFS connector is installed for scheme 's3' (mount point /s3)");

        move(parkedS3Plugin(), s3Plugin());
        HttpResponse<String> back = node.awaitStatus(TIMEOUT, "/api/v1/fs/status?path=/s3/a.csv", 200);
        assertThat(Json.parse(back.body()).get("length").asLong())
                .isEqualTo(S3_FILES.get("data/a.csv").length());
        assertThat(Json.parse(node.get("/api/v1/health").body())
                        .get("checks")
                        .get("mounts")
                        .asText())
                .isEqualTo("ok");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> s3Options() {
        return s3.mountOptions();
    }

    private static HttpResponse<String> mount(String path, String ufs, Map<String, String> options) {
        return send("POST", Map.of("path", path, "ufs", ufs, "options", options));
    }

    private static HttpResponse<String> send(String method, Map<String, Object> body) {
        try {
            return node.send(node.request("/api/v1/mount")
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), UTF_8))
                    .build());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages through a directory with {@code limit} entries a page; every page is checked. */
    private static List<String> listAll(String path, int limit) {
        List<String> names = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < 50; page++) {
            HttpResponse<String> response = node.get("/api/v1/fs/list?path=" + path + "&limit=" + limit
                    + (marker == null ? "" : "&marker=" + URLEncoder.encode(marker, UTF_8)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("path").asText()).isEqualTo(path);
            assertThat(body.get("results").size()).isLessThanOrEqualTo(limit);
            body.get("results").forEach(entry -> names.add(entry.get("path").asText()));
            if (!body.hasNonNull("nextMarker")) {
                return names;
            }
            marker = body.get("nextMarker").asText();
        }
        throw new AssertionError("more than 50 pages listing " + path + ": " + names);
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"status\":\"" + message + "\"}");
    }

    private static String md5(String content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content.getBytes(UTF_8)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path s3Plugin() {
        return node.home().resolve("plugins/strata-ufs-s3.jar");
    }

    private static Path parkedS3Plugin() {
        return node.scratchDir().resolve("strata-ufs-s3.jar");
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }
}
