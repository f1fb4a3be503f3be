package io.strata.kernel.internal;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import com.codahale.metrics.MetricRegistry;
import io.strata.kernel.internal.api.BundlesResource;
import io.strata.kernel.internal.api.HealthRoute;
import io.strata.kernel.internal.api.HealthService;
import io.strata.kernel.internal.api.RootResource;
import io.strata.kernel.internal.bundles.BundleManager;
import io.strata.kernel.internal.bundles.FolderWatcher;
import io.strata.kernel.internal.config.KernelConfigService;
import io.strata.kernel.internal.config.KernelKeys;
import io.strata.kernel.internal.config.KernelSettings;
import io.strata.kernel.internal.config.SiteConfig;
import io.strata.kernel.internal.coordination.CoordinatorElection;
import io.strata.kernel.internal.http.HttpServer;
import io.strata.kernel.internal.http.Whiteboard;
import io.strata.kernel.internal.metrics.MetricsService;
import io.strata.kernel.internal.osgi.HostExports;
import io.strata.kernel.internal.osgi.OsgiFramework;
import io.strata.kernel.internal.zookeeper.ZooKeeperService;
import io.strata.spi.Leadership;
import io.strata.spi.NodeInfo;
import io.strata.spi.Role;
import io.strata.spi.config.ConfigService;
import io.strata.spi.http.DirectRoute;
import io.strata.spi.metrics.NodeMetrics;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Strata node: ZooKeeper, the OSGi framework with its services (roles, Curator, metrics,
 * configuration), the bundles of {@code bundles/} and {@code plugins/}, and the HTTP server. Starts
 * in that order (HTTP binds early so a taken port fails fast, and health says "starting" until
 * the bundles are up) and closes in reverse, attempting every close.
 */
public final class Kernel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private HttpServer http;
    private OsgiFramework framework;
    private MetricsService metrics;

    /** Where a node finds its parts. */
    public record Layout(Path home, Path osgiDir, Path bundlesDir, Path pluginsDir) {
        public Layout {
            requireNonNull(home, "home is null");
            requireNonNull(osgiDir, "osgiDir is null");
            requireNonNull(bundlesDir, "bundlesDir is null");
            requireNonNull(pluginsDir, "pluginsDir is null");
        }

        public static Layout of(Path home) {
            return new Layout(home, home.resolve("lib/osgi"), home.resolve("bundles"), home.resolve("plugins"));
        }
    }

    private Kernel() {}

    /**
     * Starts a node; on failure everything started so far is closed again.
     *
     * @throws KernelStartException with a message for the operator (which key, which port, which folder)
     */
    public static Kernel start(SiteConfig site, Layout layout) {
        Kernel kernel = new Kernel();
        try {
            kernel.doStart(site, layout);
            return kernel;
        } catch (KernelStartException e) {
            kernel.close();
            throw e;
        } catch (Exception e) {
            kernel.close();
            throw new KernelStartException(KernelStartException.UNEXPECTED + e.getMessage(), e);
        }
    }

    private void doStart(SiteConfig site, Layout layout) throws Exception {
        long begin = System.nanoTime();
        StartupTrace.step("main() reached the kernel", begin);
        long step = System.nanoTime();
        KernelSettings settings;
        try {
            settings = KernelSettings.from(site, layout.home());
        } catch (io.strata.kernel.internal.config.ConfigException e) {
            throw new KernelStartException("Invalid configuration:\n" + e.getMessage(), e);
        }
        applyLogLevel(settings.logLevel());
        requireWritable(settings.dataDir());
        for (Path folder : List.of(layout.bundlesDir(), layout.pluginsDir())) {
            Files.createDirectories(folder);
        }

        StartupTrace.step("settings and data dir", step);
        step = System.nanoTime();
        // the embedded ZooKeeper server starts on a thread of its own while the framework starts here:
        // neither needs the other until the Curator client is registered as a service
        CompletableFuture<ZooKeeperService> zooKeeperStart = CompletableFuture.supplyAsync(
                () -> ZooKeeperService.start(
                        settings.zookeeperAddress(),
                        settings.dataDir(),
                        "127.0.0.1",
                        settings.zookeeperEmbeddedPort(),
                        settings.clusterName(),
                        settings.zookeeperSessionTimeoutMs(),
                        settings.zookeeperConnectionTimeoutMs()),
                runnable -> {
                    Thread thread = new Thread(runnable, "strata-zookeeper-start");
                    thread.setDaemon(true);
                    thread.start();
                });
        // closed after the framework, as if it had been started first
        resources.push(() -> closeWhenStarted(zooKeeperStart));

        metrics = new MetricsService();
        Map<String, String> exports = HostExports.takePrefetched(Kernel.class.getClassLoader(), classPath());
        StartupTrace.step("metrics and host exports", step);
        step = System.nanoTime();
        framework = OsgiFramework.start(settings.dataDir().resolve("felix-cache"), layout.osgiDir(), exports);
        resources.push(framework);
        StartupTrace.step("OSGi framework and its own bundles", step);
        step = System.nanoTime();
        ZooKeeperService zooKeeper = awaitStarted(zooKeeperStart);
        StartupTrace.step("waiting for ZooKeeper (embedded server and client)", step);
        step = System.nanoTime();
        BundleContext context = framework.context();

        for (String role : settings.roles()) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Role.PROPERTY, role);
            context.registerService(Role.class, new NodeRole(role), properties);
        }
        context.registerService(CuratorFramework.class, zooKeeper.curator(), null);
        context.registerService(MetricRegistry.class.getName(), metrics, null);
        context.registerService(NodeMetrics.class, metrics.nodeMetrics(), null);
        KernelConfigService config = new KernelConfigService(
                site, context, Map.of(KernelKeys.LOG_LEVEL, value -> applyLogLevel((String) value)));
        context.registerService(ConfigService.class, config, null);

        AtomicReference<BundleManager> bundles = new AtomicReference<>();
        AtomicReference<HealthService> health = new AtomicReference<>();
        AtomicReference<Whiteboard> whiteboardHolder = new AtomicReference<>();
        AtomicReference<Optional<Leadership>> leadership = new AtomicReference<>(Optional.empty());
        Whiteboard whiteboard = new Whiteboard(
                context,
                metrics.registry(),
                settings.adminToken(),
                leadership::get,
                () -> List.of(
                        new RootResource(() -> whiteboardHolder.get().listing()), new BundlesResource(bundles.get())));
        whiteboardHolder.set(whiteboard);
        resources.push(whiteboard);
        // held until every bundle started: the Jersey application is built once, with all resources
        // (meanwhile its calls answer 503 "starting"; the health route is direct and answers at once)
        whiteboard.hold();
        bundles.set(new BundleManager(context, layout.bundlesDir(), layout.pluginsDir(), whiteboard));
        health.set(new HealthService(context, zooKeeper, bundles.get(), started::get));
        context.registerService(DirectRoute.class, new HealthRoute(health.get()), null);

        StartupTrace.step("kernel services and whiteboard", step);
        step = System.nanoTime();
        // the jars of bundles/ and plugins/ are installed (not started: they register nothing yet) on a
        // thread of their own while the HTTP server starts here
        CompletableFuture<Void> installed = new CompletableFuture<>();
        Thread installer = new Thread(
                () -> {
                    try {
                        bundles.get().installAll();
                        installed.complete(null);
                    } catch (IOException | RuntimeException | Error e) {
                        installed.completeExceptionally(e);
                    }
                },
                "strata-bundle-install");
        installer.setDaemon(true);
        installer.start();
        boolean httpStarted = false;
        try {
            startHttp(settings, whiteboard, zooKeeper.curator(), context, leadership);
            httpStarted = true;
        } finally {
            if (!httpStarted) {
                // the framework is about to close: not under an install
                installed.handle((ignored, failure) -> null).join();
            }
        }
        StartupTrace.step("HTTP server, node info and coordinator election", step);
        step = System.nanoTime();
        try {
            installed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
        StartupTrace.step("installing bundles/ and plugins/ (beyond the HTTP server's start)", step);
        step = System.nanoTime();
        List<String> errors = config.validateBundleKeys();
        if (!errors.isEmpty()) {
            throw new KernelStartException("Invalid configuration:\n" + String.join("\n", errors));
        }
        config.publishBundleSections();
        StartupTrace.step("bundle configuration", step);
        step = System.nanoTime();
        bundles.get().startAll();
        StartupTrace.step("starting bundles/ and plugins/", step);
        step = System.nanoTime();
        whiteboard.release();
        whiteboard.awaitServing();
        StartupTrace.step("Jersey application with every resource", step);
        step = System.nanoTime();

        if (settings.watchBundles()) {
            FolderWatcher watcher = new FolderWatcher(bundles.get());
            watcher.start();
            resources.push(watcher);
        }
        StartupTrace.step("bundle folder watcher", step);
        started.set(true);
        LOG.info(
                "Strata started in {} ms: HTTP on {}:{}, roles {}, ZooKeeper {}, cluster '{}'",
                (System.nanoTime() - begin) / 1_000_000,
                settings.httpHost(),
                http.port(),
                settings.roles(),
                zooKeeper.connectString(),
                settings.clusterName());
    }

    /** Starts the HTTP server, registers the node's info and, on a coordinator, joins the election. */
    private void startHttp(
            KernelSettings settings,
            Whiteboard whiteboard,
            CuratorFramework curator,
            BundleContext context,
            AtomicReference<Optional<Leadership>> leadership)
            throws Exception {
        http = new HttpServer(
                settings.httpHost(),
                settings.httpPort(),
                settings.httpThreadsMax(),
                settings.shutdownTimeoutMs(),
                whiteboard);
        try {
            http.start();
        } catch (HttpServer.PortInUseException e) {
            throw new KernelStartException(e.getMessage(), e);
        }
        resources.push(http);
        String advertised =
                settings.httpHost().equals("0.0.0.0") || settings.httpHost().isBlank()
                        ? localHostName()
                        : settings.httpHost();
        context.registerService(
                NodeInfo.class,
                KernelNodeInfo.of(
                        settings.clusterName(), settings.roles(), advertised, http.port(), settings.dataDir()),
                null);
        if (settings.roles().contains(Role.COORDINATOR)) {
            CoordinatorElection election =
                    new CoordinatorElection(curator, URI.create("http://" + advertised + ":" + http.port()));
            election.start();
            resources.push(election);
            leadership.set(Optional.of(election));
            context.registerService(Leadership.class, election, null);
        }
    }

    private static ZooKeeperService awaitStarted(CompletableFuture<ZooKeeperService> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ZooKeeperService.ZooKeeperStartException failure) {
                throw new KernelStartException(failure.getMessage(), failure);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static void closeWhenStarted(CompletableFuture<ZooKeeperService> start) {
        ZooKeeperService zooKeeper;
        try {
            zooKeeper = start.join();
        } catch (CompletionException e) {
            return; // it did not start: nothing to close
        }
        zooKeeper.close();
    }

    private static List<Path> classPath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static void requireWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException
                            || e instanceof java.nio.file.FileSystemException && !Files.exists(dataDir)
                    ? "cannot create it"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
            throw new KernelStartException("Data dir " + dataDir + " is not writable (strata.data.dir): " + reason, e);
        }
    }

    private static void applyLogLevel(String level) {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }

    public int httpPort() {
        return http.port();
    }

    public BundleContext context() {
        return framework.context();
    }

    public MetricRegistry metrics() {
        return metrics.registry();
    }

    public boolean started() {
        return started.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Strata is stopping");
        started.set(false);
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
        LOG.info("Strata stopped");
    }

    private record NodeRole(String name) implements Role {}

    /** Start-up failed for a reason the operator can fix; the message says which. */
    public static final class KernelStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** How the message of a failure nobody planned for begins. */
        public static final String UNEXPECTED = "Start-up failed: ";

        public KernelStartException(String message) {
            super(message);
        }

        public KernelStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
