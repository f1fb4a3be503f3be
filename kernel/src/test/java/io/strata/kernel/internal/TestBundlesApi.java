package io.strata.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing, updating and removing bundles over HTTP and through the bundles/ folder, with the admin token. */
final class TestBundlesApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static TestingKernel node;

    @BeforeAll
    static void start() {
        node = TestingKernel.start(home, Map.of("strata.security.admin.token", TOKEN));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void testAdminTokenGuardsChanges() {
        byte[] jar = TestingJars.bundle("io.strata.testing.guarded", "1.0.0", Map.of());
        assertStatus(
                install(jar, false, null),
                401,
                "{\"status\":\"This call needs the admin token: send 'Authorization: Bearer <token>'\"}");
        assertStatus(install(jar, false, "wrong"), 403, "{\"status\":\"Wrong admin token\"}");
        assertStatus(
                node.send(HttpRequest.newBuilder(node.uri("/api/v1/bundles?name=x"))
                        .DELETE()),
                401,
                null);
        assertThat(node.get("/api/v1/bundles").statusCode())
                .as("reading needs no token")
                .isEqualTo(200);
    }

    @Test
    void testInstallUpdateRemoveOverHttp() throws IOException {
        HttpResponse<String> installed =
                install(TestingJars.bundle("io.strata.testing.http", "1.0.0", Map.of()), false, TOKEN);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        JsonNode info = JSON.readTree(installed.body());
        assertThat(info.get("symbolicName").asText()).isEqualTo("io.strata.testing.http");
        assertThat(info.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(info.get("kind").asText()).isEqualTo("bundle");
        assertThat(info.has("error")).isFalse();
        assertThat(home.resolve("bundles/io.strata.testing.http.jar")).exists();

        assertStatus(
                install(TestingJars.bundle("io.strata.testing.http", "1.1.0", Map.of()), false, TOKEN),
                409,
                "{\"status\":\"Bundle io.strata.testing.http 1.0.0 is already installed; use update=true to replace it\"}");
        HttpResponse<String> updated =
                install(TestingJars.bundle("io.strata.testing.http", "1.1.0", Map.of()), true, TOKEN);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("version").asText()).isEqualTo("1.1.0");

        assertStatus(delete("io.strata.testing.http"), 200, "{\"status\":\"ok\"}");
        assertThat(home.resolve("bundles/io.strata.testing.http.jar")).doesNotExist();
        assertThat(node.get("/api/v1/bundles").body()).doesNotContain("io.strata.testing.http");
        assertStatus(
                delete("io.strata.testing.http"),
                404,
                "{\"status\":\"No bundle named io.strata.testing.http is installed\"}");
        assertStatus(
                delete("org.apache.felix.scr"),
                400,
                "{\"status\":\"Bundle org.apache.felix.scr is part of the kernel and cannot be removed\"}");
        assertStatus(
                node.send(HttpRequest.newBuilder(node.uri("/api/v1/bundles"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .DELETE()),
                400,
                "{\"status\":\"Required parameter 'name' is missing\"}");
    }

    @Test
    void testRejectsWhatIsNotABundle() {
        assertStatus(
                install("hello, not a jar".getBytes(java.nio.charset.StandardCharsets.UTF_8), false, TOKEN),
                400,
                "{\"status\":\"Not a valid jar file\"}");
        assertStatus(
                install(TestingJars.bundle(null, "1.0.0", Map.of()), false, TOKEN),
                400,
                "{\"status\":\"Not an OSGi bundle: the jar's manifest has no Bundle-SymbolicName\"}");
        byte[] jar = TestingJars.bundle("io.strata.testing.cut", "1.0.0", Map.of());
        assertStatus(
                install(Arrays.copyOf(jar, jar.length - 30), false, TOKEN),
                400,
                "{\"status\":\"Not a valid jar file: it is truncated (still being copied?)\"}");
        assertStatus(
                install(TestingJars.bundle("org.apache.felix.scr", "9.0.0", Map.of()), true, TOKEN),
                409,
                "{\"status\":\"Bundle org.apache.felix.scr is part of the kernel and cannot be replaced\"}");
    }

    @Test
    void testUnresolvableBundleIsReportedAndRetriedWhenItsDependencyArrives() throws IOException {
        byte[] consumer = TestingJars.bundle(
                "io.strata.testing.consumer",
                "1.0.0",
                Map.of("Import-Package", "io.strata.testing.api;version=\"[1,2)\""));
        HttpResponse<String> installed = install(consumer, false, TOKEN);
        assertThat(installed.statusCode()).isEqualTo(201);
        JsonNode info = JSON.readTree(installed.body());
        assertThat(info.get("state").asText()).isEqualTo("INSTALLED");
        assertThat(info.get("error").asText()).contains("missing requirement").contains("io.strata.testing.api");
        HttpResponse<String> health = node.get("/api/v1/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .contains("\"bundle io.strata.testing.consumer\":\"INSTALLED: ")
                .contains("io.strata.testing.api");

        byte[] provider = TestingJars.bundle(
                "io.strata.testing.provider",
                "1.0.0",
                Map.of("Export-Package", "io.strata.testing.api;version=\"1.0.0\""));
        assertThat(install(provider, false, TOKEN).statusCode()).isEqualTo(201);
        assertThat(node.get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(node.get("/api/v1/bundles").body()).doesNotContain("missing requirement");

        assertThat(delete("io.strata.testing.consumer").statusCode()).isEqualTo(200);
        assertThat(delete("io.strata.testing.provider").statusCode()).isEqualTo(200);
    }

    @Test
    void testFolderDropsInstallUpdateAndUninstall() throws IOException {
        Path jar = home.resolve("plugins/dropped.jar");
        drop(TestingJars.bundle("io.strata.testing.dropped", "1.0.0", Map.of()), jar);
        Poll.await(
                TIMEOUT,
                "the dropped bundle",
                () -> bundles()
                        .contains(
                                "\"symbolicName\":\"io.strata.testing.dropped\",\"version\":\"1.0.0\",\"state\":\"ACTIVE\",\"kind\":\"plugin\""));
        drop(TestingJars.bundle("io.strata.testing.dropped", "2.0.0", Map.of()), jar);
        Poll.await(
                TIMEOUT,
                "the updated bundle",
                () -> bundles()
                        .contains(
                                "\"symbolicName\":\"io.strata.testing.dropped\",\"version\":\"2.0.0\",\"state\":\"ACTIVE\""));
        Files.delete(jar);
        Poll.await(TIMEOUT, "the removed bundle", () -> !bundles().contains("io.strata.testing.dropped"));
    }

    private static String bundles() {
        return node.get("/api/v1/bundles").body();
    }

    private static void drop(byte[] content, Path target) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static HttpResponse<String> install(byte[] jar, boolean update, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        node.uri("/api/v1/bundles" + (update ? "?update=true" : "")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return node.send(request);
    }

    private static HttpResponse<String> delete(String name) {
        return node.send(HttpRequest.newBuilder(node.uri("/api/v1/bundles?name=" + name))
                .header("Authorization", "Bearer " + TOKEN)
                .DELETE());
    }

    private static void assertStatus(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (body != null) {
            assertThat(response.body()).isEqualTo(body);
        }
    }
}
