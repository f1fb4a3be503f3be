package io.strata.kernel.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestKernelConfig {
    private static final Path SHIPPED = Path.of("../config/strata-site.properties");

    @Test
    void testDefaults() {
        KernelSettings settings = KernelSettings.from(SiteConfig.of(Map.of()), Path.of("/opt/strata"));
        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.httpPort()).isEqualTo(8470);
        assertThat(settings.httpThreadsMax()).isEqualTo(200);
        assertThat(settings.shutdownTimeoutMs()).isEqualTo(10_000);
        assertThat(settings.roles()).containsExactly("coordinator", "worker");
        assertThat(settings.clusterName()).isEqualTo("strata");
        assertThat(settings.dataDir()).isEqualTo(Path.of("/opt/strata/data"));
        assertThat(settings.zookeeperAddress()).isEmpty();
        assertThat(settings.zookeeperEmbeddedPort()).isEqualTo(8471);
        assertThat(settings.zookeeperSessionTimeoutMs()).isEqualTo(30_000);
        assertThat(settings.zookeeperConnectionTimeoutMs()).isEqualTo(15_000);
        assertThat(settings.adminToken()).isEmpty();
        assertThat(settings.logLevel()).isEqualTo("INFO");
        assertThat(settings.watchBundles()).isTrue();
    }

    @Test
    void testEveryKeyHasADescriptionAndAValidDefault() {
        for (KeyDefinition key : KernelKeys.ALL) {
            assertThat(key.name()).matches("strata(\\.[a-z0-9]+)+");
            assertThat(key.description()).as(key.name()).isNotBlank().endsWith(".");
            key.parse(key.defaultValue());
        }
    }

    /**
     * The shipped site file documents every kernel key (commented, with its default) and names no
     * undeclared key of a kernel area. Bundle keys in it are checked by each bundle's config test.
     */
    @Test
    void testShippedSiteFileMatchesTheDeclaredKeys() throws IOException {
        String text = Files.readString(SHIPPED);
        Matcher matcher = Pattern.compile("(?m)^#?(strata\\.[a-z0-9.]+)=(.*)$").matcher(text);
        List<String> documented = new ArrayList<>();
        while (matcher.find()) {
            String key = matcher.group(1);
            if (!KernelKeys.isKernelSection(key)) {
                continue;
            }
            assertThat(KernelKeys.find(key)).as("declared key " + key).isPresent();
            assertThat(matcher.group(2))
                    .as("default of " + key)
                    .isEqualTo(KernelKeys.find(key).get().defaultValue());
            documented.add(key);
        }
        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(
                        KernelKeys.ALL.stream().map(KeyDefinition::name).toList());
        Properties active = new Properties();
        try (InputStream in = Files.newInputStream(SHIPPED)) {
            active.load(in);
        }
        assertThat(active)
                .as("the shipped file sets nothing; it only documents")
                .isEmpty();
    }

    @Test
    void testEnvironmentOverridesFileAndSystemPropertyOverridesEnvironment(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("strata-site.properties");
        Files.writeString(
                file,
                "strata.http.port=9000\nstrata.cluster.name=from-file\nstrata.quota.limit.exceeded.action=NOOP\n");
        Properties system = new Properties();
        system.setProperty("strata.cluster.name", "from-d");
        system.setProperty("java.version", "17");
        SiteConfig config = SiteConfig.load(
                Optional.of(file),
                Map.of(
                        "STRATA_HTTP_PORT",
                        "9100",
                        "STRATA_CLUSTER_NAME",
                        "from-env",
                        "STRATA_HOME",
                        "/opt/strata",
                        "PATH",
                        "/bin"),
                system);
        assertThat(config.value("strata.http.port")).hasValue("9100");
        assertThat(config.source("strata.http.port")).isEqualTo("environment variable STRATA_HTTP_PORT");
        assertThat(config.value("strata.cluster.name")).hasValue("from-d");
        assertThat(config.values()).doesNotContainKey("strata.home");
        assertThat(config.bundleSections()).isEqualTo(Map.of("quota", Map.of("limit.exceeded.action", "NOOP")));
        assertThat(SiteConfig.environmentVariable("strata.quota.worker.heartbeat.interval.ms"))
                .isEqualTo("STRATA_QUOTA_WORKER_HEARTBEAT_INTERVAL_MS");
    }

    @Test
    void testBadKernelValuesNameTheKeyAndTheExpectedForm() {
        assertThatThrownBy(() -> KernelSettings.from(SiteConfig.of(Map.of("strata.http.port", "abc")), Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'abc' for strata.http.port: expected an integer (given)");
        assertThatThrownBy(() -> KernelSettings.from(SiteConfig.of(Map.of("strata.http.port", "70000")), Path.of(".")))
                .hasMessage("Invalid value '70000' for strata.http.port: expected an integer from 0 to 65535 (given)");
        assertThatThrownBy(() -> KernelSettings.from(SiteConfig.of(Map.of("strata.role", "master")), Path.of(".")))
                .hasMessage(
                        "Invalid value 'master' for strata.role: expected one of [all, coordinator, worker] (given)");
        assertThatThrownBy(() -> KernelSettings.from(SiteConfig.of(Map.of("strata.http.prot", "1")), Path.of(".")))
                .hasMessage("Unknown key strata.http.prot (given)");
        assertThatThrownBy(() -> KernelSettings.from(
                        SiteConfig.of(Map.of("strata.security.admin.token", "x", "strata.bundles.watch", "yes")),
                        Path.of(".")))
                .hasMessage("Invalid value 'yes' for strata.bundles.watch: expected true or false (given)");
        assertThatThrownBy(() -> KernelSettings.from(SiteConfig.of(Map.of("strata.cluster.name", "a/b")), Path.of(".")))
                .hasMessageStartingWith("Invalid value 'a/b' for strata.cluster.name");
    }

    @Test
    void testSecretsAreNeverEchoed() {
        KeyDefinition token = KernelKeys.find("strata.security.admin.token").orElseThrow();
        assertThat(token.toConfigKey().secret()).isTrue();
        assertThat(KernelKeys.find("strata.http.port")
                        .orElseThrow()
                        .toConfigKey()
                        .secret())
                .isFalse();
    }

    @Test
    void testUnknownKeysOfBundleAreasAreNotKernelErrors() {
        assertThat(SiteConfig.of(Map.of("strata.quota.anything", "1")).kernelErrors())
                .isEmpty();
    }
}
