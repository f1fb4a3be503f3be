package io.strata.it;

import static io.strata.it.TestingJars.HELLO_GREETING;
import static io.strata.it.TestingJars.HELLO_NAME;
import static io.strata.it.TestingJars.HELLO_PATH;
import static io.strata.it.TestingJars.HELLO_ROUTES;
import static io.strata.it.TestingJars.HELLO_TEXT_PATH;
import static io.strata.it.TestingJars.HELLO_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.api.v1.BundleInfo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jars dropped into, replaced in and deleted from {@code bundles/} change what the node serves, without a restart. */
final class HotInstallIT {
    /** The kernel promises about 300 ms from the jar's arrival to its route being served. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static StrataProcess node;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(HotInstallIT.class);
        node.start();
    }

    @AfterEach
    void emptyBundlesFolder() {
        node.addedBundleFiles().forEach(node::deleteBundle);
        Poll.await(
                TIMEOUT,
                "the example bundle and its route are gone",
                () -> bundle(HELLO_NAME).isEmpty() && node.get(HELLO_PATH).statusCode() == 404);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testDroppedJarIsServedUpdatedAndRemoved() {
        Path example = TestingJars.exampleJar(node.home());
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(404);

        node.dropBundle(example, "hello.jar");
        HttpResponse<String> hello = node.awaitStatus(PUBLISH_TIMEOUT, HELLO_PATH, 200);
        assertThat(Json.parse(hello.body()))
                .isEqualTo(
                        Json.parse("{\"greeting\":\"" + HELLO_GREETING + "\",\"version\":\"" + HELLO_VERSION + "\"}"));
        assertThat(rootListing().has(HELLO_PATH)).isTrue();
        assertThat(rootListing().get(HELLO_PATH).asText()).startsWith("Say hello");
        BundleInfo installed = bundle(HELLO_NAME).orElseThrow();
        assertThat(installed.state()).isEqualTo("ACTIVE");
        assertThat(installed.kind()).isEqualTo("bundle");
        assertThat(installed.version()).isEqualTo(HELLO_VERSION);
        assertThat(installed.routes()).containsExactlyElementsOf(HELLO_ROUTES);
        assertThat(installed.error()).isNull();
        assertThat(installed.location()).endsWith("/bundles/hello.jar");
        assertThat(node.client().health().status()).isEqualTo("ok");

        // its direct route: served beside Jakarta REST, listed, timed, and strict about methods
        HttpResponse<String> text = node.get(HELLO_TEXT_PATH);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).isEqualTo(HELLO_GREETING + "\n");
        assertThat(text.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(rootListing().get(HELLO_TEXT_PATH).asText())
                .isEqualTo("The greeting of /api/v1/hello as plain text.");
        HttpResponse<String> delete = node.delete(HELLO_TEXT_PATH);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(delete.body()).isEqualTo("{\"status\":\"Method not allowed on " + HELLO_TEXT_PATH + "\"}");
        assertThat(node.get("/metrics?format=prometheus").body())
                .contains("strata_http_request_seconds_count{route=\"GET " + HELLO_TEXT_PATH + "\"} 1");

        Path updated = TestingJars.withGreeting(
                example, node.scratchDir().resolve("hello-updated.jar"), "Hello again from Strata", "0.1.1");
        node.dropBundle(updated, "hello.jar");
        HttpResponse<String> again = Poll.await(
                TIMEOUT,
                "GET " + HELLO_PATH + " answers the new greeting",
                () -> node.get(HELLO_PATH),
                response -> response.statusCode() == 200 && response.body().contains("Hello again"));
        assertThat(Json.parse(again.body()))
                .isEqualTo(Json.parse("{\"greeting\":\"Hello again from Strata!\",\"version\":\"0.1.1\"}"));
        BundleInfo replaced = bundle(HELLO_NAME).orElseThrow();
        assertThat(replaced.id()).as("an update keeps the bundle").isEqualTo(installed.id());
        assertThat(replaced.version()).isEqualTo("0.1.1");
        assertThat(replaced.routes()).containsExactlyElementsOf(HELLO_ROUTES);

        node.deleteBundle("hello.jar");
        HttpResponse<String> gone = node.awaitStatus(TIMEOUT, HELLO_PATH, 404);
        assertThat(gone.body()).isEqualTo("{\"status\":\"No such path: " + HELLO_PATH + "\"}");
        assertThat(rootListing().has(HELLO_PATH)).isFalse();
        assertThat(node.get(HELLO_TEXT_PATH).statusCode()).isEqualTo(404);
        assertThat(rootListing().has(HELLO_TEXT_PATH)).isFalse();
        assertThat(bundle(HELLO_NAME)).isEmpty();
        assertThat(node.client().health().status()).isEqualTo("ok");
    }

    @Test
    void testIgnoresDotFilesAndOtherNames() throws IOException {
        Path example = TestingJars.exampleJar(node.home());
        Files.copy(example, node.bundlesDir().resolve(".hidden.jar"));
        Files.copy(example, node.bundlesDir().resolve("hello.jar.bak"));
        Files.copy(example, node.bundlesDir().resolve("hello.zip"));
        // the folder is synced as a whole: once the real jar is served, the others were looked at too
        node.dropBundle(example, "hello.jar");
        node.awaitStatus(TIMEOUT, HELLO_PATH, 200);

        List<BundleInfo> hellos = node.client().bundles().bundles().stream()
                .filter(info -> info.symbolicName().equals(HELLO_NAME))
                .toList();
        assertThat(hellos)
                .extracting(BundleInfo::location)
                .containsExactly(node.bundlesDir().resolve("hello.jar").toUri().toString());
        assertThat(node.client().health().checks())
                .allSatisfy((check, value) -> assertThat(value).as(check).isEqualTo("ok"));
    }

    private static Optional<BundleInfo> bundle(String symbolicName) {
        return node.client().bundles().bundles().stream()
                .filter(info -> info.symbolicName().equals(symbolicName))
                .findFirst();
    }

    private static JsonNode rootListing() {
        HttpResponse<String> response = node.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
