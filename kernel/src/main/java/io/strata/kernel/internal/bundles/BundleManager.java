package io.strata.kernel.internal.bundles;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.BundleInfo;
import io.strata.kernel.internal.StartupTrace;
import io.strata.kernel.internal.osgi.OsgiFramework;
import io.strata.spi.StrataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32C;
import java.util.zip.ZipFile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the framework in step with the jars of {@code bundles/} and {@code plugins/}: a new jar is
 * installed and started, a changed one updated and refreshed, a removed one uninstalled. The HTTP
 * calls go through the same path (they write the jar, then sync it), so a jar installed over HTTP
 * survives a restart. All changes are serialized.
 */
public final class BundleManager {
    private static final Logger LOG = LoggerFactory.getLogger(BundleManager.class);

    private final BundleContext context;
    private final Path bundlesDir;
    private final Path pluginsDir;
    private final RouteDirectory routes;
    private final Object lock = new Object();
    private final Map<Path, Tracked> tracked = new ConcurrentHashMap<>();
    private final Map<Long, String> errors = new ConcurrentHashMap<>();
    private final Map<Path, Rejected> rejectedFiles = new ConcurrentHashMap<>();
    /** Bundles in the middle of an install, update or uninstall: their passing states are not problems. */
    private final Set<Long> transitioning = ConcurrentHashMap.newKeySet();
    /** Locations being installed right now, before the framework has given the bundle an id. */
    private final Set<String> installing = ConcurrentHashMap.newKeySet();

    private record Tracked(long bundleId, String digest, long size, long modified) {}

    private record Rejected(String problem, long size, long modified) {}

    public BundleManager(BundleContext context, Path bundlesDir, Path pluginsDir, RouteDirectory routes) {
        this.context = requireNonNull(context, "context is null");
        this.bundlesDir = requireNonNull(bundlesDir, "bundlesDir is null")
                .toAbsolutePath()
                .normalize();
        this.pluginsDir = requireNonNull(pluginsDir, "pluginsDir is null")
                .toAbsolutePath()
                .normalize();
        this.routes = requireNonNull(routes, "routes is null");
    }

    public List<Path> folders() {
        return List.of(bundlesDir, pluginsDir);
    }

    /** Installs every jar of both folders without starting them, so their configuration can be checked first. */
    public List<Bundle> installAll() throws IOException {
        List<Bundle> installed = new ArrayList<>();
        synchronized (lock) {
            for (Path folder : folders()) {
                for (Path jar : jars(folder)) {
                    install(jar).ifPresent(installed::add);
                }
            }
        }
        return installed;
    }

    /**
     * Starts every installed, managed bundle; failures are recorded, not thrown. The plugins start on
     * a thread of their own while the feature bundles start on this one: a plugin's first class makes
     * the framework extract the libraries embedded in its jar (44 MB for HDFS), which need not wait,
     * and the two sides meet only through services, which bind in whatever order they come.
     */
    public void startAll() {
        synchronized (lock) {
            List<Bundle> features = new ArrayList<>();
            List<Bundle> plugins = new ArrayList<>();
            tracked.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                Bundle bundle = context.getBundle(entry.getValue().bundleId());
                if (bundle != null) {
                    (entry.getKey().getParent().equals(pluginsDir) ? plugins : features).add(bundle);
                }
            });
            Thread pluginStarter = new Thread(
                    () -> {
                        try {
                            plugins.forEach(this::start);
                        } catch (RuntimeException e) {
                            LOG.error("Starting the plugins failed", e);
                        }
                    },
                    "strata-plugin-start");
            pluginStarter.start();
            features.forEach(this::start);
            try {
                pluginStarter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Brings one folder in step with the framework: installs, updates and uninstalls as needed. */
    public void syncFolder(Path folder) throws IOException {
        synchronized (lock) {
            List<Path> present = jars(folder);
            for (Path jar : present) {
                syncFile(jar);
            }
            for (Path known : List.copyOf(tracked.keySet())) {
                if (known.getParent().equals(folder) && !present.contains(known)) {
                    syncFile(known);
                }
            }
            rejectedFiles.keySet().removeIf(path -> path.getParent().equals(folder) && !present.contains(path));
        }
    }

    /** Whether a folder's jars differ (by size or time) from what is installed; cheap, for the watcher. */
    public boolean changed(Path folder) throws IOException {
        List<Path> present = jars(folder);
        for (Path jar : present) {
            Tracked entry = tracked.get(jar);
            Rejected rejected = rejectedFiles.get(jar);
            if (entry == null
                    && (rejected == null
                            || Files.size(jar) != rejected.size()
                            || Files.getLastModifiedTime(jar).toMillis() != rejected.modified())) {
                return true;
            }
            if (entry != null
                    && (Files.size(jar) != entry.size()
                            || Files.getLastModifiedTime(jar).toMillis() != entry.modified())) {
                return true;
            }
        }
        return tracked.keySet().stream().anyMatch(path -> path.getParent().equals(folder) && !present.contains(path));
    }

    private void syncFile(Path jar) throws IOException {
        Tracked entry = tracked.get(jar);
        if (!Files.exists(jar)) {
            if (entry != null) {
                uninstall(jar, entry);
            }
            return;
        }
        if (entry != null
                && Files.size(jar) == entry.size()
                && Files.getLastModifiedTime(jar).toMillis() == entry.modified()) {
            return;
        }
        if (entry == null) {
            install(jar).ifPresent(this::start);
            retryUnresolved();
        } else {
            update(jar, entry);
        }
    }

    private Optional<Bundle> install(Path jar) throws IOException {
        long begin = System.nanoTime();
        JarContent content = JarContent.read(jar);
        StartupTrace.step("reading " + jar.getFileName(), begin);
        begin = System.nanoTime();
        if (content.problem().isPresent()) {
            Rejected previous =
                    rejectedFiles.put(jar, new Rejected(content.problem().get(), content.size(), content.modified()));
            if (previous == null || !previous.problem().equals(content.problem().get())) {
                LOG.warn("Not installing {}: {}", jar, content.problem().get());
            }
            return Optional.empty();
        }
        rejectedFiles.remove(jar);
        LOG.info("-- Installing bundle {} --", jar.getFileName());
        try {
            Bundle bundle;
            installing.add(location(jar));
            try {
                bundle = context.installBundle(location(jar), new ByteArrayInputStream(content.bytes()));
                transitioning.add(bundle.getBundleId());
            } finally {
                installing.remove(location(jar));
            }
            tracked.put(jar, new Tracked(bundle.getBundleId(), content.digest(), content.size(), content.modified()));
            StartupTrace.step("install of " + jar.getFileName(), begin);
            return Optional.of(bundle);
        } catch (BundleException e) {
            LOG.error("Cannot install {}: {}", jar, e.getMessage());
            rejectedFiles.put(jar, new Rejected(e.getMessage(), content.size(), content.modified()));
            return Optional.empty();
        }
    }

    private void start(Bundle bundle) {
        if (bundle == null) {
            return;
        }
        long begin = System.nanoTime();
        try {
            if (!isFragment(bundle)) {
                bundle.start();
                errors.remove(bundle.getBundleId());
                LOG.info("-- Started bundle {} {} --", bundle.getSymbolicName(), bundle.getVersion());
            }
        } catch (BundleException | IllegalStateException e) {
            errors.put(bundle.getBundleId(), e.getMessage());
            LOG.error("Bundle {} {} did not start: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
        } finally {
            transitioning.remove(bundle.getBundleId());
            StartupTrace.step("start of " + bundle.getSymbolicName(), begin);
        }
    }

    private void update(Path jar, Tracked entry) throws IOException {
        JarContent content = JarContent.read(jar);
        Bundle bundle = context.getBundle(entry.bundleId());
        if (content.problem().isPresent()) {
            LOG.warn(
                    "Not updating {} from {}: {}",
                    bundle.getSymbolicName(),
                    jar,
                    content.problem().get());
            rejectedFiles.put(jar, new Rejected(content.problem().get(), content.size(), content.modified()));
            return;
        }
        Tracked updated = new Tracked(entry.bundleId(), content.digest(), content.size(), content.modified());
        tracked.put(jar, updated);
        if (content.digest().equals(entry.digest())) {
            return;
        }
        LOG.info("-- Updating bundle {} from {} --", bundle.getSymbolicName(), jar.getFileName());
        transitioning.add(bundle.getBundleId());
        try {
            bundle.update(new ByteArrayInputStream(content.bytes()));
            refresh(bundle);
            start(bundle);
            retryUnresolved();
            LOG.info("-- Finished updating bundle {} to {} --", bundle.getSymbolicName(), bundle.getVersion());
        } catch (BundleException e) {
            errors.put(bundle.getBundleId(), e.getMessage());
            LOG.error("Updating {} failed: {}", bundle.getSymbolicName(), e.getMessage());
        } finally {
            transitioning.remove(bundle.getBundleId());
        }
    }

    private void uninstall(Path jar, Tracked entry) {
        tracked.remove(jar);
        Bundle bundle = context.getBundle(entry.bundleId());
        errors.remove(entry.bundleId());
        if (bundle == null) {
            return;
        }
        LOG.info("-- Uninstalling bundle {} {} --", bundle.getSymbolicName(), bundle.getVersion());
        transitioning.add(bundle.getBundleId());
        try {
            bundle.uninstall();
            refresh(bundle);
            LOG.info("-- Finished uninstalling bundle {} --", bundle.getSymbolicName());
        } catch (BundleException e) {
            LOG.error("Uninstalling {} failed: {}", bundle.getSymbolicName(), e.getMessage());
        } finally {
            transitioning.remove(bundle.getBundleId());
        }
    }

    private void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                LOG.warn("Refreshing after {} did not finish within 60 s", bundle.getSymbolicName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A change may have brought what an unresolved bundle was missing: try those again. */
    private void retryUnresolved() {
        for (Tracked entry : tracked.values()) {
            Bundle bundle = context.getBundle(entry.bundleId());
            if (bundle != null && errors.containsKey(entry.bundleId()) && bundle.getState() != Bundle.ACTIVE) {
                start(bundle);
            }
        }
    }

    /**
     * Installs (or with {@code update}, replaces) the bundle in the uploaded jar: the jar is moved
     * into {@code bundles/} and synced like a dropped file.
     */
    public BundleInfo installUpload(InputStream body, boolean update) throws IOException {
        Path upload = Files.createTempFile(bundlesDir, ".upload-", ".part");
        try {
            Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
            JarContent content = JarContent.read(upload);
            if (content.problem().isPresent()) {
                throw StrataException.invalidArgument(content.problem().get());
            }
            String symbolicName = content.symbolicName();
            synchronized (lock) {
                Optional<Bundle> kernelBundle = find(symbolicName).filter(bundle -> !isManaged(bundle));
                if (kernelBundle.isPresent()) {
                    throw StrataException.conflict(
                            "Bundle " + symbolicName + " is part of the kernel and cannot be replaced");
                }
                Optional<Path> existing = managedFile(symbolicName);
                if (existing.isPresent() && !update) {
                    Bundle bundle =
                            context.getBundle(tracked.get(existing.get()).bundleId());
                    throw StrataException.conflict("Bundle " + symbolicName + " " + bundle.getVersion()
                            + " is already installed; use update=true to replace it");
                }
                Path target = existing.orElse(bundlesDir.resolve(symbolicName + ".jar"));
                move(upload, target);
                syncFile(target);
                Tracked entry = tracked.get(target);
                if (entry == null) {
                    Rejected rejected = rejectedFiles.get(target);
                    throw StrataException.invalidArgument(
                            rejected == null ? "The bundle could not be installed" : rejected.problem());
                }
                routes.awaitServing();
                return info(context.getBundle(entry.bundleId()));
            }
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** Uninstalls a bundle of {@code bundles/} or {@code plugins/} and deletes its jar. */
    public void remove(String symbolicName) throws IOException {
        synchronized (lock) {
            Optional<Path> file = managedFile(symbolicName);
            if (file.isEmpty()) {
                if (find(symbolicName).isPresent()) {
                    throw StrataException.invalidArgument(
                            "Bundle " + symbolicName + " is part of the kernel and cannot be removed");
                }
                throw StrataException.notFound("No bundle named " + symbolicName + " is installed");
            }
            Files.deleteIfExists(file.get());
            syncFile(file.get());
            routes.awaitServing();
        }
    }

    private Optional<Path> managedFile(String symbolicName) {
        return tracked.entrySet().stream()
                .filter(entry -> {
                    Bundle bundle = context.getBundle(entry.getValue().bundleId());
                    return bundle != null && symbolicName.equals(bundle.getSymbolicName());
                })
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private Optional<Bundle> find(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst();
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public List<BundleInfo> list() {
        return Arrays.stream(context.getBundles()).map(this::info).toList();
    }

    public BundleInfo info(Bundle bundle) {
        String error = errors.getOrDefault(
                bundle.getBundleId(), routes.problem(bundle.getBundleId()).orElse(null));
        if (error == null && bundle.getState() != Bundle.ACTIVE && !isFragment(bundle) && bundle.getBundleId() != 0) {
            error = "not active";
        }
        return new BundleInfo(
                bundle.getBundleId(),
                bundle.getBundleId() == 0 ? "system.bundle" : String.valueOf(bundle.getSymbolicName()),
                bundle.getVersion().toString(),
                state(bundle),
                kind(bundle),
                bundle.getLocation(),
                routes.routes(bundle.getBundleId()),
                error);
    }

    /** Every bundle that is not as it should be, with why: for the health check. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (transitioning.contains(bundle.getBundleId())
                    || installing.contains(bundle.getLocation())
                    || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            BundleInfo info = info(bundle);
            if (info.error() != null) {
                problems.put("bundle " + info.symbolicName(), info.state() + ": " + info.error());
            }
        }
        rejectedFiles.forEach((path, rejected) -> problems.put("jar " + path.getFileName(), rejected.problem()));
        return problems;
    }

    private String kind(Bundle bundle) {
        if (bundle.getBundleId() == 0 || bundle.getLocation().startsWith(OsgiFramework.KERNEL_LOCATION_PREFIX)) {
            return "kernel";
        }
        return tracked.entrySet().stream()
                .filter(entry -> entry.getValue().bundleId() == bundle.getBundleId())
                .map(entry -> entry.getKey().getParent().equals(pluginsDir) ? "plugin" : "bundle")
                .findFirst()
                .orElse("bundle");
    }

    private boolean isManaged(Bundle bundle) {
        return tracked.values().stream().anyMatch(entry -> entry.bundleId() == bundle.getBundleId());
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    private static String location(Path jar) {
        return jar.toAbsolutePath().normalize().toUri().toString();
    }

    private static List<Path> jars(Path folder) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : stream) {
                    if (!jar.getFileName().toString().startsWith(".") && Files.isRegularFile(jar)) {
                        jars.add(jar.toAbsolutePath().normalize());
                    }
                }
            }
        }
        jars.sort(null);
        return jars;
    }

    /**
     * A jar read whole: its bytes, fingerprint and symbolic name, or why it cannot be a bundle. The
     * fingerprint (CRC-32C of the bytes) only tells a rewritten jar with the same content from a
     * changed one; reading the manifest and the zip's directory is enough to judge it, so the entries
     * are not inflated here (a 44 MB plugin took a second to check that way at every start).
     */
    private record JarContent(
            byte[] bytes, String digest, long size, long modified, String symbolicName, Optional<String> problem) {
        static JarContent read(Path jar) throws IOException {
            long modified = Files.getLastModifiedTime(jar).toMillis();
            byte[] bytes = Files.readAllBytes(jar);
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length);
            String digest = Long.toHexString(crc.getValue());
            String symbolicName = null;
            String problem = null;
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
                Manifest manifest = in.getManifest();
                String header =
                        manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                if (manifest == null && in.getNextEntry() == null) {
                    problem = "Not a valid jar file";
                } else if (header == null || header.isBlank()) {
                    problem = "Not an OSGi bundle: the jar's manifest has no Bundle-SymbolicName";
                } else {
                    symbolicName = header.split(";", 2)[0].strip();
                }
            } catch (IOException e) {
                problem = "Not a valid jar file: " + e.getMessage();
            }
            if (problem == null && !hasEndOfCentralDirectory(bytes)) {
                problem = "Not a valid jar file: it is truncated (still being copied?)";
            }
            if (problem == null) {
                // the zip's directory, as the framework will read it
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.size();
                } catch (IOException e) {
                    problem = "Not a valid jar file: " + e.getMessage();
                }
            }
            if (bytes.length == 0) {
                problem = "Not a valid jar file: it is empty";
            }
            return new JarContent(bytes, digest, bytes.length, modified, symbolicName, Optional.ofNullable(problem));
        }

        /** A zip's end record is written last: without it the file is incomplete. */
        private static boolean hasEndOfCentralDirectory(byte[] bytes) {
            int lowest = Math.max(0, bytes.length - 22 - 0xFFFF);
            for (int i = bytes.length - 22; i >= lowest; i--) {
                if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06) {
                    return true;
                }
            }
            return false;
        }
    }
}
