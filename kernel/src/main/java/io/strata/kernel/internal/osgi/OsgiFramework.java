package io.strata.kernel.internal.osgi;

import static java.util.Objects.requireNonNull;

import io.strata.kernel.internal.StartupTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Felix framework: the host shares its libraries through the system bundle, provides
 * the Jakarta REST whiteboard capability, and runs the framework's own bundles (Declarative
 * Services, ConfigAdmin, MetaType) from {@code lib/osgi}.
 */
public final class OsgiFramework implements AutoCloseable {
    /** Location prefix of the framework's own bundles, so listings can tell them apart. */
    public static final String KERNEL_LOCATION_PREFIX = "kernel:";

    private static final Logger LOG = LoggerFactory.getLogger(OsgiFramework.class);
    private static final String WHITEBOARD_CAPABILITY =
            "osgi.implementation;osgi.implementation=\"osgi.jakartars\";version:Version=\"2.0.0\"";

    private final Framework framework;

    private OsgiFramework(Framework framework) {
        this.framework = requireNonNull(framework, "framework is null");
    }

    /**
     * Starts the framework with a fresh cache under {@code storage} and starts every jar of
     * {@code runtimeBundles} (ConfigAdmin first, so components see their configuration at once).
     */
    public static OsgiFramework start(Path storage, Path runtimeBundles, Map<String, String> hostExports)
            throws BundleException, IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostExports.systemPackagesExtra(hostExports));
        properties.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA, WHITEBOARD_CAPABILITY);
        properties.put("felix.log.logger", new Slf4jFelixLogger());
        properties.put("felix.log.level", "2");
        properties.put("ds.loglevel", "warn");
        properties.put("felix.cm.loglevel", "2");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) properties;
        long begin = System.nanoTime();
        Framework framework = new FrameworkFactory().newFramework(raw);
        framework.init();
        framework.start();
        StartupTrace.step("Felix framework", begin);
        OsgiFramework started = new OsgiFramework(framework);
        try {
            started.startRuntimeBundles(runtimeBundles);
        } catch (BundleException | IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    private void startRuntimeBundles(Path folder) throws BundleException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("the framework's own bundles are missing: " + folder + " is not a folder");
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            stream.forEach(jars::add);
        }
        // ConfigAdmin before Declarative Services, so components activate with their configuration
        jars.sort((left, right) -> Integer.compare(rank(left), rank(right)));
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                bundles.add(context().installBundle(KERNEL_LOCATION_PREFIX + jar.getFileName(), in));
            }
        }
        for (Bundle bundle : bundles) {
            long begin = System.nanoTime();
            bundle.start();
            StartupTrace.step("start of " + bundle.getSymbolicName(), begin);
            LOG.debug("Started {} {}", bundle.getSymbolicName(), bundle.getVersion());
        }
    }

    private static int rank(Path jar) {
        String name = jar.getFileName().toString();
        if (name.contains("configadmin")) {
            return 0;
        }
        if (name.contains("metatype")) {
            return 1;
        }
        return 2;
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    public Framework framework() {
        return framework;
    }

    @Override
    public void close() {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(30_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The OSGi framework did not stop within 30 s");
            }
        } catch (BundleException e) {
            LOG.warn("Stopping the OSGi framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
