package io.strata.it;

import static io.strata.it.TestingJars.HELLO_NAME;
import static io.strata.it.TestingJars.HELLO_PATH;
import static io.strata.it.TestingJars.HELLO_ROUTES;
import static io.strata.it.TestingJars.HELLO_VERSION;
import static java.util.regex.Pattern.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.it.StrataProcess.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client commands of {@code bin/strata}: {@code health} and {@code bundle list | install | remove}, with their exit codes. */
final class BundleCliIT {
    private static StrataProcess node;
    private static Path example;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(BundleCliIT.class);
        node.start();
        example = TestingJars.exampleJar(node.home());
    }

    @AfterEach
    void removeHello() {
        if (node.get(HELLO_PATH).statusCode() != 404) {
            assertThat(node.delete("/api/v1/bundles?name=" + HELLO_NAME).statusCode())
                    .isEqualTo(200);
        }
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testHealth() {
        CommandResult health = node.strata("health");
        assertThat(health.exitCode()).as(health.describe()).isZero();
        assertThat(health.stdout().lines().toList()).first().isEqualTo("ok");
        assertThat(health.stdout().lines().skip(1).toList())
                .anySatisfy(line -> assertThat(line).matches("\\s+zookeeper\\s+ok"))
                .allSatisfy(line -> assertThat(line).endsWith(" ok"));
        assertThat(health.stderr()).isEmpty();
    }

    @Test
    void testInstallListRemove() {
        CommandResult install = node.strata("bundle", "install", example.toString());
        assertThat(install.exitCode()).as(install.describe()).isZero();
        assertThat(install.stdout())
                .matches("(?s)\\d+\\s+ACTIVE\\s+bundle\\s+" + quote(HELLO_NAME) + "\\s+" + quote(HELLO_VERSION)
                        + routeLines() + "\\n");
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(200);
        assertThat(node.addedBundleFiles()).containsExactly(HELLO_NAME + ".jar");

        CommandResult list = node.strata("bundle", "list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout().lines().toList()).first().asString().startsWith("ID ");
        assertThat(list.stdout()).containsPattern("ACTIVE\\s+kernel\\s+system\\.bundle");
        assertThat(list.stdout()).containsPattern("ACTIVE\\s+bundle\\s+" + quote(HELLO_NAME) + "\\s+.*" + routeLines());

        CommandResult again = node.strata("bundle", "install", example.toString());
        assertThat(again.exitCode()).as(again.describe()).isEqualTo(1);
        assertThat(again.stderr())
                .isEqualTo("error: Bundle " + HELLO_NAME + " " + HELLO_VERSION
                        + " is already installed; use update=true to replace it (HTTP 409)\n");

        Path updated = TestingJars.withGreeting(
                example, node.scratchDir().resolve("hello-cli.jar"), "Hello from the command line", "0.3.0");
        CommandResult update = node.strata("bundle", "install", updated.toString(), "--update");
        assertThat(update.exitCode()).as(update.describe()).isZero();
        assertThat(update.stdout()).containsPattern(quote(HELLO_NAME) + "\\s+0\\.3\\.0");
        assertThat(node.get(HELLO_PATH).body())
                .isEqualTo("{\"greeting\":\"Hello from the command line!\",\"version\":\"0.3.0\"}");

        CommandResult remove = node.strata("bundle", "remove", HELLO_NAME);
        assertThat(remove.exitCode()).as(remove.describe()).isZero();
        assertThat(remove.stdout()).isEqualTo("removed " + HELLO_NAME + "\n");
        assertThat(node.get(HELLO_PATH).statusCode()).isEqualTo(404);
        assertThat(node.addedBundleFiles()).isEmpty();

        CommandResult removeAgain = node.strata("bundle", "remove", HELLO_NAME);
        assertThat(removeAgain.exitCode()).as(removeAgain.describe()).isEqualTo(1);
        assertThat(removeAgain.stderr())
                .isEqualTo("error: No bundle named " + HELLO_NAME + " is installed (HTTP 404)\n");
    }

    @Test
    void testInstallOfNoJarFails() {
        Path plain = TestingJars.withoutSymbolicName(example, node.scratchDir().resolve("plain-cli.jar"));
        CommandResult install = node.strata("bundle", "install", plain.toString());
        assertThat(install.exitCode()).as(install.describe()).isEqualTo(1);
        assertThat(install.stderr())
                .isEqualTo("error: Not an OSGi bundle: the jar's manifest has no Bundle-SymbolicName (HTTP 400)\n");
    }

    /** The example's routes as the CLI prints them, one {@code route} line each. */
    private static String routeLines() {
        return HELLO_ROUTES.stream()
                .map(route -> "\\n\\s+route " + quote(route))
                .collect(java.util.stream.Collectors.joining());
    }
}
