package io.strata.mount.internal;

import static java.util.Objects.requireNonNull;

import io.strata.mount.MountPoint;
import io.strata.mount.MountTable;
import io.strata.mount.ResolvedPath;
import io.strata.mount.StrataPaths;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mount table: kept in ZooKeeper (or read from a static file), changed by the coordinator API,
 * and resolved on every node. Changes are decided on direct reads of ZooKeeper; reads and path
 * resolution use this node's cached view, which follows every change within a second (and, on the
 * node that made a change, includes it before the call returns).
 */
@Component(
        service = {MountService.class, MountTable.class},
        configurationPid = "strata.mount")
@Designate(ocd = MountConfig.class)
public final class MountService implements MountTable {
    /** The reference's answer to a request without a body or without a required field. */
    static final String REQUIRED = "Required parameters not provided";

    private static final Logger LOG = LoggerFactory.getLogger(MountService.class);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(5);
    private static final int MAX_RESOLUTIONS = 10_000;
    private static final AtomicLong ZOOKEEPER_THREADS = new AtomicLong();

    private final CuratorFramework curator;
    private final UfsConnectors connectors;
    private final Duration checkTimeout;
    private final Duration zooKeeperTimeout;
    /** Runs the direct ZooKeeper calls, so that a caller waits for them a bounded time. */
    private final ExecutorService zooKeeperCalls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "strata-mount-zookeeper-" + ZOOKEEPER_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final Optional<Path> staticFile;
    private final Optional<SortedMap<String, MountPoint>> staticTable;
    private final Optional<MountStore> store;
    /** Paths resolved against one snapshot of the table: reads resolve the same paths again and again. */
    private volatile Resolutions resolutions = new Resolutions(Collections.emptySortedMap(), new ConcurrentHashMap<>());

    private record Resolutions(SortedMap<String, MountPoint> table, ConcurrentHashMap<String, ResolvedPath> byPath) {}

    @Activate
    public MountService(@Reference CuratorFramework curator, @Reference UfsConnectors connectors, MountConfig config) {
        this(
                curator,
                connectors,
                staticFile(config.table_static()),
                Duration.ofMillis(config.check_timeout_ms()),
                Duration.ofMillis(config.zookeeper_timeout_ms()));
    }

    MountService(CuratorFramework curator, UfsConnectors connectors, Optional<Path> staticFile, Duration checkTimeout) {
        this(curator, connectors, staticFile, checkTimeout, Duration.ofSeconds(10));
    }

    MountService(
            CuratorFramework curator,
            UfsConnectors connectors,
            Optional<Path> staticFile,
            Duration checkTimeout,
            Duration zooKeeperTimeout) {
        this.curator = requireNonNull(curator, "curator is null");
        this.connectors = requireNonNull(connectors, "connectors is null");
        this.staticFile = requireNonNull(staticFile, "staticFile is null");
        this.checkTimeout = requireNonNull(checkTimeout, "checkTimeout is null");
        this.zooKeeperTimeout = requireNonNull(zooKeeperTimeout, "zooKeeperTimeout is null");
        if (checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("strata.mount.check.timeout.ms must be positive");
        }
        if (zooKeeperTimeout.isNegative() || zooKeeperTimeout.isZero()) {
            throw new IllegalArgumentException("strata.mount.zookeeper.timeout.ms must be positive");
        }
        if (staticFile.isPresent()) {
            SortedMap<String, MountPoint> table;
            try {
                table = StaticMountTable.read(staticFile.get());
            } catch (IllegalArgumentException e) {
                LOG.error("{}", e.getMessage());
                throw e;
            }
            this.staticTable = Optional.of(table);
            this.store = Optional.empty();
            LOG.info("Static mount table {}: {}", staticFile.get(), table.values());
        } else {
            this.staticTable = Optional.empty();
            MountStore mountStore = new MountStore(curator, view -> connectors.retain(view.values()));
            mountStore.start();
            this.store = Optional.of(mountStore);
        }
    }

    private static Optional<Path> staticFile(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(configured.strip());
        String home = System.getProperty("strata.home");
        if (!file.isAbsolute() && home != null) {
            file = Path.of(home).resolve(file);
        }
        return Optional.of(file);
    }

    @Deactivate
    void close() {
        try {
            store.ifPresent(MountStore::close);
        } finally {
            zooKeeperCalls.shutdownNow();
        }
    }

    /** Whether the table comes from a file and cannot be changed through the API. */
    boolean isStatic() {
        return staticTable.isPresent();
    }

    @Override
    public List<MountPoint> mounts() {
        if (staticTable.isPresent()) {
            return List.copyOf(staticTable.get().values());
        }
        MountStore mountStore = store.orElseThrow();
        if (mountStore.isInitialized()) {
            return List.copyOf(mountStore.view().values());
        }
        // the view is still loading (just started): ask ZooKeeper
        return zooKeeper(
                "reading the mount table", false, () -> mountStore.read().mountPoints());
    }

    /**
     * The mounts as this node's view has them, without asking ZooKeeper: empty while the view is
     * still loading.
     */
    List<MountPoint> viewedMounts() {
        if (staticTable.isPresent()) {
            return List.copyOf(staticTable.get().values());
        }
        MountStore mountStore = store.orElseThrow();
        return mountStore.isInitialized() ? List.copyOf(mountStore.view().values()) : List.of();
    }

    @Override
    public Optional<MountPoint> mount(String path) {
        String normalized = StrataPaths.normalize(path);
        return mounts().stream()
                .filter(mount -> mount.path().equals(normalized))
                .findFirst();
    }

    @Override
    public ResolvedPath resolve(String path) {
        SortedMap<String, MountPoint> table = currentTable();
        if (path == null || table == null) {
            return resolveUncached(path);
        }
        Resolutions current = resolutions;
        if (current.table() != table) {
            current = new Resolutions(table, new ConcurrentHashMap<>());
            resolutions = current;
        }
        ResolvedPath cached = current.byPath().get(path);
        if (cached != null) {
            return cached;
        }
        ResolvedPath resolved = resolveUncached(path);
        if (current.byPath().size() < MAX_RESOLUTIONS) {
            current.byPath().put(path, resolved);
        }
        return resolved;
    }

    /** The table as one immutable snapshot (replaced on every change), or null while it is loading. */
    private SortedMap<String, MountPoint> currentTable() {
        if (staticTable.isPresent()) {
            return staticTable.get();
        }
        MountStore mountStore = store.orElseThrow();
        return mountStore.isInitialized() ? mountStore.view() : null;
    }

    private ResolvedPath resolveUncached(String path) {
        String normalized = StrataPaths.normalize(path);
        MountPoint found = null;
        for (MountPoint mount : mounts()) {
            if (StrataPaths.isWithin(normalized, mount.path())
                    && (found == null || mount.path().length() > found.path().length())) {
                found = mount;
            }
        }
        if (found == null) {
            throw StrataException.invalidArgument(NO_MOUNTED_UFS);
        }
        String relative = StrataPaths.relativize(normalized, found.path());
        return new ResolvedPath(normalized, found, relative, UfsUris.child(found.ufs(), relative));
    }

    @Override
    public Ufs ufs(MountPoint mount) {
        return connectors.connect(mount);
    }

    /**
     * Mounts {@code ufs} at {@code path}, after checking that the UFS can be reached with the
     * options.
     *
     * @throws StrataException {@code INVALID_ARGUMENT} for a missing field, a bad path or URI, a
     *     scheme without connector or an unreachable UFS; {@code CONFLICT} when it clashes with a
     *     mount; {@code NOT_ENABLED} for a static table
     */
    void add(String path, String ufs, Map<String, String> options) {
        checkWritable();
        if (path == null || path.isBlank() || ufs == null || ufs.isBlank()) {
            throw StrataException.invalidArgument(REQUIRED);
        }
        Map<String, String> given = options == null ? Map.of() : options;
        given.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null) {
                throw StrataException.invalidArgument("Option " + name + " has no value");
            }
        });
        MountPoint mount = new MountPoint(StrataPaths.normalize(path.strip()), UfsUris.normalize(ufs), given);
        if (!connectors.serves(mount.scheme())) {
            throw StrataException.invalidArgument(connectors.noConnector(mount.scheme()));
        }
        MountStore mountStore = store.orElseThrow();
        // fail fast before contacting the UFS; the change itself is checked again when it is made
        MountRules.checkConflicts(
                mount,
                zooKeeper(
                        "reading the mount table",
                        false,
                        () -> mountStore.read().mountPoints()));
        connectors.check(mount.ufs(), mount.options(), checkTimeout);
        zooKeeper("adding mount point " + mount.path(), true, () -> {
            mountStore.add(mount, table -> MountRules.checkConflicts(mount, table.mountPoints()));
            return null;
        });
        LOG.info("Mounted {} at {} with options {}", mount.ufs(), mount.path(), mount.maskedOptions());
        if (!mountStore.awaitView(view -> mount.equals(view.get(mount.path())), VIEW_WAIT)) {
            LOG.warn("The mount of {} is in ZooKeeper but not yet in this node's view", mount.path());
        }
    }

    /**
     * Removes the mount point at {@code path}.
     *
     * @throws StrataException {@code GONE} when nothing is mounted there
     */
    void remove(String path) {
        checkWritable();
        if (path == null || path.isBlank()) {
            throw StrataException.invalidArgument(REQUIRED);
        }
        String normalized = StrataPaths.normalize(path.strip());
        MountStore mountStore = store.orElseThrow();
        if (!zooKeeper("removing mount point " + normalized, true, () -> mountStore.remove(normalized))) {
            throw new StrataException(ErrorKind.GONE, "No mount point found for path: " + path);
        }
        LOG.info("Unmounted {}", normalized);
        if (!mountStore.awaitView(view -> !view.containsKey(normalized), VIEW_WAIT)) {
            LOG.warn("The removal of mount point {} is not yet in this node's view", normalized);
        }
    }

    /** The status of the file or directory at a Strata path. */
    UfsStatus status(ResolvedPath resolved) {
        try {
            return ufs(resolved.mount()).status(resolved.ufsPath());
        } catch (UfsException e) {
            throw failure(resolved, e);
        }
    }

    /** One page of the directory at a Strata path. */
    UfsListing list(ResolvedPath resolved, Optional<String> marker, int limit) {
        if (limit < 1 || limit > Ufs.MAX_LIST_LIMIT) {
            throw StrataException.invalidArgument("limit must be between 1 and " + Ufs.MAX_LIST_LIMIT);
        }
        try {
            return ufs(resolved.mount()).list(resolved.ufsPath(), marker, limit);
        } catch (UfsException e) {
            if (e.kind() == UfsException.Kind.NOT_FOUND) {
                throw new StrataException(ErrorKind.NOT_FOUND, "No such directory: " + resolved.path(), e);
            }
            throw failure(resolved, e);
        }
    }

    /**
     * Runs a direct ZooKeeper call, waiting for it at most {@code strata.mount.zookeeper.timeout.ms}
     * (first for a connection, then for the answer): Curator retries a lost connection for minutes,
     * and a caller must get its 503 long before.
     *
     * @param change whether the call changes the table (it may then still be made after the caller
     *     gave up, as with any write whose answer is lost)
     */
    private <T> T zooKeeper(String what, boolean change, Callable<T> call) {
        long timeoutMs = zooKeeperTimeout.toMillis();
        Future<T> attempt;
        try {
            if (!curator.blockUntilConnected((int) Math.min(timeoutMs, Integer.MAX_VALUE), TimeUnit.MILLISECONDS)) {
                throw new StrataException(
                        ErrorKind.UNAVAILABLE,
                        "ZooKeeper is not connected (waited " + timeoutMs + " ms); the mount table cannot be "
                                + (change ? "changed" : "read") + " now");
            }
            attempt = zooKeeperCalls.submit(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorKind.UNAVAILABLE, "Interrupted while " + what);
        }
        try {
            return attempt.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            LOG.warn("ZooKeeper did not answer within {} ms while {}", timeoutMs, what);
            throw new StrataException(
                    ErrorKind.UNAVAILABLE,
                    "ZooKeeper did not answer within " + timeoutMs + " ms while " + what
                            + (change ? "; the change may still be made: check GET /api/v1/mount" : ""));
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorKind.UNAVAILABLE, "Interrupted while " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StrataException(ErrorKind.INTERNAL, "Failed while " + what + ": " + cause, cause);
        }
    }

    private void checkWritable() {
        if (staticTable.isPresent()) {
            throw new StrataException(
                    ErrorKind.NOT_ENABLED,
                    "The mount table is static (strata.mount.table.static=" + staticFile.orElseThrow()
                            + "); it cannot be changed through the API");
        }
    }

    /** A UFS failure in terms of the Strata path, with the status callers should see. */
    static StrataException failure(ResolvedPath resolved, UfsException e) {
        return resolved.failure(e);
    }
}
