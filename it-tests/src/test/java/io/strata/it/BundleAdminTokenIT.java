package io.strata.it;

import static io.strata.it.TestingJars.HELLO_NAME;
import static io.strata.it.TestingJars.HELLO_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.it.StrataProcess.CommandResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code strata.security.admin.token} set, installing and removing bundles needs it; reading does not. */
final class BundleAdminTokenIT {
    private static final String TOKEN = "it-admin-token-7c1f";
    private static final String MISSING =
            "{\"status\":\"This call needs the admin token: send 'Authorization: Bearer <token>'\"}";
    private static final String WRONG = "{\"status\":\"Wrong admin token\"}";
    private static StrataProcess node;
    private static Path example;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(BundleAdminTokenIT.class).siteProperty("strata.security.admin.token", TOKEN);
        node.start();
        example = TestingJars.exampleJar(node.home());
    }

    @AfterEach
    void removeHello() {
        if (node.get(HELLO_PATH).statusCode() != 404) {
            assertThat(node.delete("/api/v1/bundles?name=" + HELLO_NAME, "Authorization", "Bearer " + TOKEN)
                            .statusCode())
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
    void testInstallNeedsToken() {
        HttpResponse<String> without = node.post("/api/v1/bundles", example);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).isEqualTo(MISSING);

        HttpResponse<String> notBearer = node.post("/api/v1/bundles", example, "Authorization", "Basic " + TOKEN);
        assertThat(notBearer.statusCode()).isEqualTo(401);
        assertThat(notBearer.body()).isEqualTo(MISSING);

        HttpResponse<String> wrong = node.post("/api/v1/bundles", example, "Authorization", "Bearer " + TOKEN + "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo(WRONG);

        assertThat(node.addedBundleFiles()).as("refused calls install nothing").isEmpty();
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(404);

        HttpResponse<String> right = node.post("/api/v1/bundles", example, "Authorization", "Bearer " + TOKEN);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        assertThat(Json.parse(right.body()).get("symbolicName").asText()).isEqualTo(HELLO_NAME);
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(200);
    }

    @Test
    void testRemoveNeedsToken() {
        assertThat(node.post("/api/v1/bundles", example, "Authorization", "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> without = node.delete("/api/v1/bundles?name=" + HELLO_NAME);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).isEqualTo(MISSING);

        HttpResponse<String> wrong = node.delete("/api/v1/bundles?name=" + HELLO_NAME, "Authorization", "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo(WRONG);
        assertThat(node.get(HELLO_PATH).statusCode()).as("still installed").isEqualTo(200);

        HttpResponse<String> right =
                node.delete("/api/v1/bundles?name=" + HELLO_NAME, "Authorization", "Bearer " + TOKEN);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(404);
    }

    @Test
    void testReadCallsNeedNoToken() {
        assertThat(node.get("/").statusCode()).isEqualTo(200);
        assertThat(node.get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(node.get("/api/v1/bundles").statusCode()).isEqualTo(200);
    }

    @Test
    void testCliTakesTokenFromConfiguration() {
        CommandResult wrong = node.strata("--token", "nope", "bundle", "install", example.toString());
        assertThat(wrong.exitCode()).as(wrong.describe()).isEqualTo(1);
        assertThat(wrong.stderr()).isEqualTo("error: Wrong admin token (HTTP 403)\n");

        CommandResult fromEnvironment =
                node.strata(Map.of("STRATA_ADMIN_TOKEN", "nope"), "bundle", "install", example.toString());
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.describe()).isEqualTo(1);
        assertThat(fromEnvironment.stderr()).isEqualTo("error: Wrong admin token (HTTP 403)\n");

        // no --token and no STRATA_ADMIN_TOKEN: the one in conf/strata-site.properties
        CommandResult install = node.strata("bundle", "install", example.toString());
        assertThat(install.exitCode()).as(install.describe()).isZero();
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(200);

        CommandResult remove = node.strata("bundle", "remove", HELLO_NAME);
        assertThat(remove.exitCode()).as(remove.describe()).isZero();
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(404);
    }

    @Test
    void testCliTokenOptionAfterCommand() {
        // bin/strata --help: "Usage: strata [--conf DIR] <command> [options]" with "--token TOKEN (client commands)"
        CommandResult wrong = node.strata("bundle", "install", example.toString(), "--token", "nope");
        assertThat(wrong.exitCode()).as(wrong.describe()).isEqualTo(1);
        assertThat(wrong.stderr()).isEqualTo("error: Wrong admin token (HTTP 403)\n");
    }
}
