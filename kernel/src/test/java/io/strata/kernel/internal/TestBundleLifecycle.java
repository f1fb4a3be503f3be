package io.strata.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.strata.spi.http.Resources;
import io.strata.spi.metrics.NodeMetrics;
import java.io.ByteArrayInputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** What a bundle leaves behind when it goes: nothing — no metrics, no class loader kept alive. */
final class TestBundleLifecycle {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path home;

    private static TestingKernel node;

    @BeforeAll
    static void start() {
        node = TestingKernel.start(home, Map.of("strata.bundles.watch", "false"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void testBundleMetricsAreRemovedWhenItStops() throws Exception {
        Bundle bundle =
                install("io.strata.testing.metrics", Map.of("Import-Package", "com.codahale.metrics"), Map.of());
        BundleContext context = bundle.getBundleContext();
        ServiceReference<MetricRegistry> reference = context.getServiceReference(MetricRegistry.class);
        MetricRegistry own = context.getService(reference);
        own.counter("strata.testing.count").inc(3);

        NodeMetrics nodeMetrics =
                node.kernel().context().getService(node.kernel().context().getServiceReference(NodeMetrics.class));
        assertThat(nodeMetrics
                        .registry()
                        .getCounters()
                        .get("strata.testing.count")
                        .getCount())
                .isEqualTo(3);
        assertThat(nodeMetrics.owner("strata.testing.count")).hasValue("io.strata.testing.metrics");
        assertThat(node.kernel().metrics()).isSameAs(nodeMetrics.registry());

        own.remove("strata.testing.count");
        assertThat(nodeMetrics.registry().getNames()).doesNotContain("strata.testing.count");
        own.counter("strata.testing.count").inc();
        bundle.stop();
        assertThat(nodeMetrics.registry().getNames()).doesNotContain("strata.testing.count");
        assertThat(nodeMetrics.owner("strata.testing.count")).isEmpty();
        bundle.uninstall();
    }

    @Test
    void testUninstalledBundleClassLoaderIsNotKeptAlive() throws Exception {
        Map<String, byte[]> classes = Map.ofEntries(
                TestingJars.classEntry(TestingResource.class),
                TestingJars.classEntry(TestingResource.Echo.class),
                TestingJars.classEntry(TestingResource.Mode.class));
        Bundle bundle = install(
                "io.strata.testing.leak",
                Map.of("Import-Package", "io.strata.spi,io.strata.spi.http,jakarta.ws.rs,jakarta.ws.rs.core"),
                classes);
        Class<?> resourceClass = bundle.loadClass(TestingResource.class.getName());
        assertThat(resourceClass.getClassLoader())
                .as("the bundle defines its own copy")
                .isNotSameAs(TestingResource.class.getClassLoader());
        WeakReference<ClassLoader> loader = new WeakReference<>(resourceClass.getClassLoader());

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Resources.RESOURCE, true);
        bundle.getBundleContext()
                .registerService(
                        resourceClass.getName(), resourceClass.getConstructor().newInstance(), properties);
        resourceClass = null;
        Poll.await(
                TIMEOUT,
                "the bundle's route",
                () -> node.get("/api/v1/testing?mode=fast&limit=2").statusCode() == 200);
        assertThat(node.get("/api/v1/testing?mode=fast&limit=2").body())
                .isEqualTo("{\"name\":\"get\",\"count\":2,\"mode\":\"FAST\",\"tags\":[]}");
        assertThat(node.send(java.net.http.HttpRequest.newBuilder(node.uri("/api/v1/testing/echo"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"n\",\"count\":1,\"mode\":\"SLOW\",\"tags\":[\"t\"]}")))
                        .statusCode())
                .isEqualTo(200);

        bundle.uninstall();
        refresh(bundle);
        bundle = null;
        Poll.await(TIMEOUT, "the route to go", () -> node.get("/api/v1/testing").statusCode() == 404);
        // later generations must have replaced every one that served the bundle's classes
        node.get("/api/v1/health");
        Poll.await(TIMEOUT, "the bundle's class loader to be collected", () -> {
            System.gc();
            return loader.get() == null;
        });
    }

    private static Bundle install(String symbolicName, Map<String, String> headers, Map<String, byte[]> entries)
            throws Exception {
        byte[] jar = TestingJars.bundle(symbolicName, "1.0.0", headers, entries);
        Bundle bundle = node.kernel().context().installBundle("test:" + symbolicName, new ByteArrayInputStream(jar));
        bundle.start();
        assertThat(bundle.adapt(BundleWiring.class)).isNotNull();
        return bundle;
    }

    private static void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        node.kernel()
                .context()
                .getBundle(0)
                .adapt(FrameworkWiring.class)
                .refreshBundles(List.of(bundle), event -> done.countDown());
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
