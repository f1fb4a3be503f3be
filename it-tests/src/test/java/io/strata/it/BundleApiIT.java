package io.strata.it;

import static io.strata.it.TestingJars.HELLO_GREETING;
import static io.strata.it.TestingJars.HELLO_NAME;
import static io.strata.it.TestingJars.HELLO_PATH;
import static io.strata.it.TestingJars.HELLO_ROUTES;
import static io.strata.it.TestingJars.HELLO_VERSION;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST/DELETE /api/v1/bundles} on a node without an admin token. */
final class BundleApiIT {
    private static StrataProcess node;
    private static Path example;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(BundleApiIT.class);
        node.start();
        example = TestingJars.exampleJar(node.home());
    }

    @AfterEach
    void removeHello() {
        if (node.nodeProcesses().isEmpty()) {
            node.start();
        }
        if (node.get(HELLO_PATH).statusCode() != 404) {
            assertThat(node.delete("/api/v1/bundles?name=" + HELLO_NAME).statusCode())
                    .isEqualTo(200);
        }
        assertThat(node.addedBundleFiles()).isEmpty();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testInstallConflictUpdateRemove() {
        HttpResponse<String> installed = node.post("/api/v1/bundles", example);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        JsonNode info = Json.parse(installed.body());
        assertThat(info.get("symbolicName").asText()).isEqualTo(HELLO_NAME);
        assertThat(info.get("version").asText()).isEqualTo(HELLO_VERSION);
        assertThat(info.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(info.get("kind").asText()).isEqualTo("bundle");
        assertThat(info.get("routes")).extracting(JsonNode::asText).containsExactlyElementsOf(HELLO_ROUTES);
        assertThat(info.has("error")).isFalse();
        // the answer comes once the route is served
        assertThat(Json.parse(node.get(HELLO_PATH).body()).get("greeting").asText())
                .isEqualTo(HELLO_GREETING);
        assertThat(node.addedBundleFiles()).containsExactly(HELLO_NAME + ".jar");

        HttpResponse<String> conflict = node.post("/api/v1/bundles", example);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body())
                .isEqualTo("{\"status\":\"Bundle " + HELLO_NAME + " " + HELLO_VERSION
                        + " is already installed; use update=true to replace it\"}");

        Path updated = TestingJars.withGreeting(
                example, node.scratchDir().resolve("hello-api-update.jar"), "Hello over HTTP", "0.2.0");
        HttpResponse<String> update = node.post("/api/v1/bundles?update=true", updated);
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        assertThat(Json.parse(update.body()).get("version").asText()).isEqualTo("0.2.0");
        assertThat(Json.parse(update.body()).get("id").asLong())
                .as("an update keeps the bundle")
                .isEqualTo(info.get("id").asLong());
        assertThat(node.get(HELLO_PATH).body()).isEqualTo("{\"greeting\":\"Hello over HTTP!\",\"version\":\"0.2.0\"}");
        assertThat(node.addedBundleFiles()).containsExactly(HELLO_NAME + ".jar");

        HttpResponse<String> removed = node.delete("/api/v1/bundles?name=" + HELLO_NAME);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(404);
        assertThat(node.addedBundleFiles()).isEmpty();
        assertThat(node.client().bundles().bundles())
                .noneMatch(bundle -> bundle.symbolicName().equals(HELLO_NAME));
    }

    @Test
    void testUpdateOfMissingBundleInstallsIt() {
        HttpResponse<String> update = node.post("/api/v1/bundles?update=true", example);
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(200);
    }

    @Test
    void testRejectsBodyThatIsNoJar() {
        HttpResponse<String> response = node.send(node.request("/api/v1/bundles")
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofString("this is not a jar", UTF_8))
                .build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"status\":\"Not a valid jar file\"}");
        assertThat(node.addedBundleFiles()).as("no upload left behind").isEmpty();
    }

    @Test
    void testRejectsJarWithoutSymbolicName() {
        Path plain = TestingJars.withoutSymbolicName(example, node.scratchDir().resolve("plain.jar"));
        HttpResponse<String> response = node.post("/api/v1/bundles", plain);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"Not an OSGi bundle: the jar's manifest has no Bundle-SymbolicName\"}");
        assertThat(node.addedBundleFiles()).as("no upload left behind").isEmpty();
        assertThat(node.client().health().status()).isEqualTo("ok");
    }

    @Test
    void testDeleteUnknownBundleIs404() {
        HttpResponse<String> response = node.delete("/api/v1/bundles?name=io.strata.it.unknown");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"status\":\"No bundle named io.strata.it.unknown is installed\"}");
    }

    @Test
    void testInstalledBundleSurvivesRestart() {
        assertThat(node.post("/api/v1/bundles", example).statusCode()).isEqualTo(201);

        node.stop();
        assertThat(node.addedBundleFiles()).containsExactly(HELLO_NAME + ".jar");
        node.start();

        HttpResponse<String> hello = node.get(HELLO_PATH);
        assertThat(hello.statusCode()).as("served right after start").isEqualTo(200);
        assertThat(Json.parse(hello.body()).get("greeting").asText()).isEqualTo(HELLO_GREETING);
        assertThat(node.client().bundles().bundles())
                .filteredOn(bundle -> bundle.symbolicName().equals(HELLO_NAME))
                .singleElement()
                .satisfies(bundle -> {
                    assertThat(bundle.state()).isEqualTo("ACTIVE");
                    assertThat(bundle.location())
                            .isEqualTo(node.bundlesDir()
                                    .resolve(HELLO_NAME + ".jar")
                                    .toUri()
                                    .toString());
                });
    }
}
