package io.strata.it;

import static io.strata.it.TestingJars.HELLO_NAME;
import static io.strata.it.TestingJars.HELLO_PATH;
import static java.util.regex.Pattern.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.BundleInfo;
import io.strata.api.v1.HealthResponse;
import io.strata.it.StrataProcess.CommandResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bundle whose Import-Package nobody exports is reported (health, bundle list, CLI) and harms nothing else. */
final class UnresolvableBundleIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String BROKEN_NAME = "io.strata.it.unresolvable";
    private static final String MISSING_PACKAGE = "io.strata.it.missing";
    private static StrataProcess node;
    private static Path broken;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(UnresolvableBundleIT.class);
        node.start();
        broken = TestingJars.unresolvable(
                TestingJars.exampleJar(node.home()),
                node.scratchDir().resolve("unresolvable.jar"),
                BROKEN_NAME,
                MISSING_PACKAGE);
    }

    @AfterEach
    void emptyBundlesFolder() {
        node.addedBundleFiles().forEach(node::deleteBundle);
        Poll.await(
                TIMEOUT,
                "the node is healthy again",
                () -> node.client().health().healthy());
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testUnresolvableBundleIsReported() {
        node.dropBundle(broken, "broken.jar");
        BundleInfo info = Poll.await(
                        TIMEOUT,
                        BROKEN_NAME + " is listed with its resolution error",
                        () -> bundle(BROKEN_NAME),
                        // until its start has failed, an installed bundle is merely "not active"
                        bundle -> bundle.isPresent()
                                && bundle.get().error() != null
                                && !bundle.get().error().equals("not active"))
                .orElseThrow();
        assertThat(info.state()).isEqualTo("INSTALLED");
        assertThat(info.kind()).isEqualTo("bundle");
        assertThat(info.routes()).isEmpty();
        assertThat(info.error()).contains("missing requirement", "osgi.wiring.package=" + MISSING_PACKAGE);

        HttpResponse<String> raw = node.get("/api/v1/health");
        assertThat(raw.statusCode()).isEqualTo(503);
        HealthResponse health = node.client().health();
        assertThat(health.status()).isEqualTo("unhealthy");
        assertThat(health.checks()).containsEntry("bundles", "1 not active");
        assertThat(health.checks().get("bundle " + BROKEN_NAME))
                .startsWith("INSTALLED: ")
                .contains(MISSING_PACKAGE);
        assertThat(health.checks()).containsEntry("http", "ok").containsEntry("zookeeper", "ok");

        CommandResult cli = node.strata("health");
        assertThat(cli.exitCode()).as(cli.describe()).isEqualTo(1);
        assertThat(cli.stdout()).startsWith("unhealthy\n").contains("bundle " + BROKEN_NAME, MISSING_PACKAGE);

        // the kernel keeps serving, and other bundles still come and go
        assertThat(Json.parse(node.get("/").body()).has("/api/v1/bundles")).isTrue();
        node.dropBundle(TestingJars.exampleJar(node.home()), "hello.jar");
        node.awaitStatus(TIMEOUT, HELLO_PATH, 200);
        assertThat(bundle(HELLO_NAME).orElseThrow().state()).isEqualTo("ACTIVE");
        assertThat(bundle(BROKEN_NAME).orElseThrow().error()).contains(MISSING_PACKAGE);

        node.deleteBundle("broken.jar");
        Poll.await(TIMEOUT, BROKEN_NAME + " is gone", () -> bundle(BROKEN_NAME).isEmpty());
        assertThat(node.get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(200);
    }

    @Test
    void testUploadOfUnresolvableBundleReportsTheMissingRequirement() {
        HttpResponse<String> upload = node.post("/api/v1/bundles", broken);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(Json.parse(upload.body()).get("state").asText()).isEqualTo("INSTALLED");
        assertThat(Json.parse(upload.body()).get("error").asText()).contains(MISSING_PACKAGE);

        CommandResult list = node.strata("bundle", "list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout())
                .containsPattern(
                        "INSTALLED\\s+bundle\\s+" + quote(BROKEN_NAME) + ".*\\n\\s+error .*" + quote(MISSING_PACKAGE));

        assertThat(node.delete("/api/v1/bundles?name=" + BROKEN_NAME).statusCode())
                .isEqualTo(200);
        assertThat(node.addedBundleFiles()).isEmpty();

        CommandResult install = node.strata("bundle", "install", broken.toString());
        assertThat(install.exitCode())
                .as("the CLI fails when the bundle does not start: %s", install.describe())
                .isEqualTo(1);
        assertThat(install.stdout()).contains("error ", MISSING_PACKAGE);
    }

    private static Optional<BundleInfo> bundle(String symbolicName) {
        return node.client().bundles().bundles().stream()
                .filter(info -> info.symbolicName().equals(symbolicName))
                .findFirst();
    }
}
