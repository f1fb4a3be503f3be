package io.strata.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mount table ({@code GET/POST/DELETE /api/v1/mount}) and browsing through mounts
 * ({@code /api/v1/fs}) on a node without an admin token, with the {@code file://} connector of the
 * tarball.
 */
final class MountIT {
    private static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(20);
    private static final String OK = "{\"status\":\"ok\"}";

    private static StrataProcess node;
    private static Path folder;
    private static String ufs;

    @BeforeAll
    static void startNode() throws IOException {
        node = StrataProcess.install(MountIT.class);
        folder = Files.createDirectories(node.scratchDir().resolve("ufs"));
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            Files.writeString(folder.resolve(name), "content of " + name, UTF_8);
        }
        ufs = folder.toUri().toString(); // file:///.../ufs/
        assertThat(ufs).startsWith("file:///").endsWith("/");
        node.start();
    }

    @AfterEach
    void unmountAll() {
        if (node.nodeProcesses().isEmpty()) {
            node.start();
        }
        Path plugin = pluginJar();
        if (!Files.exists(plugin)) {
            move(node.scratchDir().resolve("strata-ufs-local.jar"), plugin);
        }
        for (JsonNode mount : Json.parse(node.get("/api/v1/mount").body()).get("results")) {
            assertThat(unmount(mount.get("path").asText()).statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testMountListAndBrowse() {
        assertThat(Json.parse(node.get("/api/v1/mount").body()).get("results").size())
                .isZero();
        HttpResponse<String> mounted = mount("/local", ufs.substring(0, ufs.length() - 1));
        assertThat(mounted.statusCode()).as(mounted.body()).isEqualTo(200);
        assertThat(mounted.body()).isEqualTo(OK);

        String entry = "{\"path\":\"/local/\",\"ufs\":\"" + ufs + "\"}";
        HttpResponse<String> list = node.get("/api/v1/mount");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"results\":[" + entry + "]}");
        HttpResponse<String> one = node.get("/api/v1/mount?path=/local");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo(entry);
        HttpResponse<String> missing = node.get("/api/v1/mount?path=/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"status\":\"No mount point found for path: /nope\"}");

        // paging through the three files, one per page
        List<String> names = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < 10; page++) {
            HttpResponse<String> response = node.get("/api/v1/fs/list?path=/local&limit=1"
                    + (marker == null ? "" : "&marker=" + URLEncoder.encode(marker, UTF_8)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("path").asText()).isEqualTo("/local");
            assertThat(body.get("results").size()).isLessThanOrEqualTo(1);
            body.get("results").forEach(file -> {
                assertThat(file.get("directory").asBoolean()).isFalse();
                assertThat(file.get("ufs").asText())
                        .isEqualTo(ufs + file.get("path").asText().substring("/local/".length()));
                names.add(file.get("path").asText());
            });
            if (!body.hasNonNull("nextMarker")) {
                break;
            }
            marker = body.get("nextMarker").asText();
        }
        assertThat(names).containsExactly("/local/a.txt", "/local/b.txt", "/local/c.txt");

        HttpResponse<String> status = node.get("/api/v1/fs/status?path=/local/b.txt");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode file = Json.parse(status.body());
        assertThat(file.get("path").asText()).isEqualTo("/local/b.txt");
        assertThat(file.get("ufs").asText()).isEqualTo(ufs + "b.txt");
        assertThat(file.get("directory").asBoolean()).isFalse();
        assertThat(file.get("length").asLong()).isEqualTo("content of b.txt".length());
        assertThat(file.get("lastModifiedMs").asLong())
                .isEqualTo(folder.resolve("b.txt").toFile().lastModified());
        assertThat(file.get("fingerprint").asText()).isNotEmpty();
        HttpResponse<String> root = node.get("/api/v1/fs/status?path=/local");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(Json.parse(root.body()).get("directory").asBoolean()).isTrue();
    }

    @Test
    void testMountAndUnmountErrors() throws IOException {
        assertError(post("/api/v1/mount", ""), 400, "Required parameters not provided");
        assertError(post("/api/v1/mount", "{\"path\":\"/x\"}"), 400, "Required parameters not provided");
        assertError(post("/api/v1/mount", "{\"ufs\":\"" + ufs + "\"}"), 400, "Required parameters not provided");
        assertError(
                mount("/gcs", "gs://x/"),
                400,
                "No UFS connector is installed for scheme 'gs' (installed schemes: file, hdfs, s3, s3a)");
        Path absent = node.scratchDir().resolve("absent");
        assertError(
                mount("/absent", absent.toUri().toString()),
                400,
                "UFS " + absent.toUri() + "/ is not reachable: Folder " + absent + " does not exist");

        assertThat(mount("/data", ufs).body()).isEqualTo(OK);
        Path other = Files.createDirectories(node.scratchDir().resolve("other"));
        String otherUfs = other.toUri().toString();
        assertError(mount("/data/", otherUfs), 409, "Path /data is already mounted (to " + ufs + ")");
        assertError(mount("/elsewhere", ufs), 409, "UFS " + ufs + " is already mounted at another path: /data");
        assertError(
                mount("/data/x", otherUfs),
                409,
                "Mount point /data/x would be nested inside mount point /data; mount points cannot nest");
        assertError(
                mount("/", otherUfs), 409, "Mount point / would contain mount point /data; mount points cannot nest");

        assertError(unmount("/unknown"), 410, "No mount point found for path: /unknown");
        assertError(
                node.send(node.request("/api/v1/mount")
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())
                        .build()),
                400,
                "Required parameters not provided");
        HttpResponse<String> removed = unmount("/data");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo(OK);
        assertThat(node.get("/api/v1/mount?path=/data").statusCode()).isEqualTo(404);
        assertThat(mount("/data/x", otherUfs).body()).as("no longer nested").isEqualTo(OK);
    }

    @Test
    void testPathUnderNoMount() {
        assertThat(mount("/local", ufs).body()).isEqualTo(OK);
        assertError(node.get("/api/v1/fs/status?path=/elsewhere/a.txt"), 400, "No mounted UFS found");
        assertError(node.get("/api/v1/fs/list?path=/"), 400, "No mounted UFS found");
        assertError(node.get("/api/v1/fs/status"), 400, "Required parameters not provided");
        assertError(
                node.get("/api/v1/fs/status?path=/local/zzz.txt"), 404, "No such file or directory: /local/zzz.txt");
    }

    @Test
    void testMountsSurviveRestart() {
        assertThat(mount("/kept", ufs).body()).isEqualTo(OK);
        node.stop();
        node.start();
        HttpResponse<String> list = node.awaitStatus(Duration.ofSeconds(30), "/api/v1/mount?path=/kept", 200);
        assertThat(list.body()).isEqualTo("{\"path\":\"/kept/\",\"ufs\":\"" + ufs + "\"}");
        HttpResponse<String> status =
                node.awaitStatus(Duration.ofSeconds(30), "/api/v1/fs/status?path=/kept/a.txt", 200);
        assertThat(Json.parse(status.body()).get("length").asLong()).isEqualTo("content of a.txt".length());
    }

    @Test
    void testRemovedConnectorMakesMountUnavailable() {
        assertThat(mount("/local", ufs).body()).isEqualTo(OK);
        assertThat(node.get("/api/v1/fs/status?path=/local/a.txt").statusCode()).isEqualTo(200);

        Path parked = node.scratchDir().resolve("strata-ufs-local.jar");
        move(pluginJar(), parked);
        HttpResponse<String> unavailable = node.awaitStatus(PLUGIN_TIMEOUT, "/api/v1/fs/status?path=/local/a.txt", 503);
        assertThat(unavailable.body())
                .isEqualTo("{\"status\":\"UFS scheme file of mount point /local is not available: No UFS connector"
                        + " is installed for scheme 'file' (installed schemes: hdfs, s3, s3a)\"}");
        assertThat(node.get("/api/v1/mount?path=/local").statusCode())
                .as("the mount stays in the table")
                .isEqualTo(200);

        move(parked, pluginJar());
        HttpResponse<String> back = node.awaitStatus(PLUGIN_TIMEOUT, "/api/v1/fs/status?path=/local/a.txt", 200);
        assertThat(Json.parse(back.body()).get("path").asText()).isEqualTo("/local/a.txt");
    }

    /**
     * The {@code file://} connector takes no options, so secret options are shown on a second node
     * whose table is static: an S3 mount with credentials (static mounts are not checked for
     * reachability). The secrets read {@code ******} and never reach the log; the API cannot change
     * a static table (501).
     */
    @Test
    void testStaticTableMasksSecrets() throws IOException {
        try (StrataProcess staticNode = StrataProcess.install(MountIT.class)) {
            Path table = staticNode.scratchDir().resolve("mounts.properties");
            Files.writeString(
                    table,
                    String.join(
                            "\n",
                            "local.path=/local",
                            "local.ufs=" + ufs,
                            "bucket.path=/bucket",
                            "bucket.ufs=s3a://it-bucket",
                            "bucket.option.s3a.accessKeyId=AKIAITSECRETID",
                            "bucket.option.s3a.secretKey=it-secret-value-42",
                            "bucket.option.s3a.region=eu-west-1",
                            ""),
                    UTF_8);
            staticNode.siteProperty("strata.mount.table.static", table.toString());
            staticNode.start();

            HttpResponse<String> list = staticNode.get("/api/v1/mount");
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            String bucket = "{\"path\":\"/bucket/\",\"ufs\":\"s3a://it-bucket/\",\"options\":{"
                    + "\"s3a.accessKeyId\":\"******\",\"s3a.region\":\"eu-west-1\",\"s3a.secretKey\":\"******\"}}";
            assertThat(list.body())
                    .isEqualTo("{\"results\":[" + bucket + ",{\"path\":\"/local/\",\"ufs\":\"" + ufs + "\"}]}");
            assertThat(staticNode.get("/api/v1/mount?path=/bucket").body()).isEqualTo(bucket);
            assertThat(staticNode.get("/api/v1/fs/status?path=/local/c.txt").statusCode())
                    .isEqualTo(200);

            String notChangeable = "The mount table is static (strata.mount.table.static=" + table
                    + "); it cannot be changed through the API";
            assertError(send(staticNode, "POST", "{\"path\":\"/more\",\"ufs\":\"" + ufs + "\"}"), 501, notChangeable);
            assertError(send(staticNode, "DELETE", "{\"path\":\"/local\"}"), 501, notChangeable);

            assertThat(staticNode.log()).doesNotContain("it-secret-value-42").doesNotContain("AKIAITSECRETID");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> mount(String path, String ufsUri) {
        return post("/api/v1/mount", "{\"path\":\"" + path + "\",\"ufs\":\"" + ufsUri + "\"}");
    }

    private static HttpResponse<String> unmount(String path) {
        return send(node, "DELETE", "{\"path\":\"" + path + "\"}");
    }

    private static HttpResponse<String> post(String pathAndQuery, String json) {
        return node.send(node.request(pathAndQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8))
                .build());
    }

    private static HttpResponse<String> send(StrataProcess target, String method, String json) {
        return target.send(target.request("/api/v1/mount")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, UTF_8))
                .build());
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"status\":\"" + message + "\"}");
    }

    private static Path pluginJar() {
        return node.home().resolve("plugins/strata-ufs-local.jar");
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }
}
