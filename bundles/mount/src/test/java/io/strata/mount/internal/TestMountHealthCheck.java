package io.strata.mount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import io.strata.spi.ufs.UfsFactory;
import io.strata.testing.TestingZooKeeper;
import io.strata.ufs.local.internal.LocalUfsFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mounts} health check, on a real ZooKeeper-backed table and real connector tracking. */
final class TestMountHealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private TestingZooKeeper zooKeeper;
    private final LocalUfsFactory local = new LocalUfsFactory();
    private final TestingUfsFactory testing = new TestingUfsFactory();
    private UfsConnectors connectors;
    private MountService service;
    private MountHealthCheck check;

    @BeforeEach
    void setUp() throws Exception {
        zooKeeper = new TestingZooKeeper();
        connectors = new UfsConnectors();
        connectors.addFactory(local, properties("file", 1L));
        connectors.addFactory(testing, properties(TestingUfsFactory.SCHEME, 2L));
        service = new MountService(zooKeeper.client(), connectors, Optional.empty(), Duration.ofSeconds(10));
        check = new MountHealthCheck(service, connectors);
    }

    @AfterEach
    void tearDown() throws Exception {
        service.close();
        connectors.deactivate();
        zooKeeper.close();
    }

    private static Map<String, Object> properties(String scheme, long serviceId) {
        return Map.of(UfsFactory.SCHEME_PROPERTY, scheme, "service.id", serviceId);
    }

    @Test
    void testReportsMountsWithoutConnectorAndStaysHealthy() throws Exception {
        assertThat(check.execute().isHealthy()).isTrue();
        assertThat(check.execute().getMessage()).isNull();

        service.add("/a", "testing://one/", Map.of());
        service.add("/b", "testing://two/", Map.of());
        service.add("/local", Files.createDirectories(temp.resolve("l")).toUri().toString(), Map.of());
        assertThat(check.execute().getMessage()).isNull();

        connectors.removeFactory(testing, properties(TestingUfsFactory.SCHEME, 2L));
        connectors.removeFactory(local, properties("file", 1L));
        HealthCheck.Result missing = check.execute();
        assertThat(missing.isHealthy()).isTrue();
        assertThat(missing.getMessage())
                .isEqualTo("no UFS connector is installed for scheme 'file' (mount point /local); no UFS connector"
                        + " is installed for scheme 'testing' (mount points /a, /b)");

        connectors.addFactory(testing, properties(TestingUfsFactory.SCHEME, 3L));
        assertThat(check.execute().getMessage())
                .isEqualTo("no UFS connector is installed for scheme 'file' (mount point /local)");

        // an unmounted scheme is no longer reported, as soon as this node's view has the change
        service.remove("/local");
        TestingZooKeeper.await(
                TIMEOUT, "the unmount in the view", () -> check.execute().getMessage() == null);
        assertThat(check.execute().isHealthy()).isTrue();
    }
}
