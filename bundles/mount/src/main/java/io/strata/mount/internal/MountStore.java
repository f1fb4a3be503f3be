package io.strata.mount.internal;

import static java.util.Objects.requireNonNull;

import io.strata.mount.MountPoint;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import java.io.Closeable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mount table in ZooKeeper: one znode per mount under {@value #MOUNTS}, named by the
 * URL-encoded Strata path ({@code /mounts/%2Fdata}), holding a {@link MountRecord}. Every change
 * is one transaction that also sets the data of {@value #MOUNTS} at the version the change was
 * decided on, so changes are serialized: a change decided on a table that has moved on fails and
 * is decided again on a fresh read (which is how concurrent mounts of one path leave exactly one
 * winner, and how two mounts that would nest cannot both get in). A {@link CuratorCache} keeps the
 * view each node resolves paths with; decisions never use it.
 */
final class MountStore implements Closeable {
    static final String MOUNTS = "/mounts";

    private static final Logger LOG = LoggerFactory.getLogger(MountStore.class);
    private static final int MAX_ATTEMPTS = 25;

    private enum State {
        LATENT,
        STARTED,
        CLOSED
    }

    /** The table as read directly, with the version of {@value #MOUNTS} it was read at. */
    record Snapshot(SortedMap<String, Versioned> mounts, int version) {
        Snapshot {
            mounts = Collections.unmodifiableSortedMap(new TreeMap<>(mounts));
        }

        List<MountPoint> mountPoints() {
            return mounts.values().stream().map(Versioned::mount).toList();
        }
    }

    /** A mount and the version of its znode. */
    record Versioned(MountPoint mount, int version) {
        Versioned {
            requireNonNull(mount, "mount is null");
        }
    }

    /** Checks that a change may be made on the table it would apply to; throws when not. */
    @FunctionalInterface
    interface Validation {
        void check(Snapshot table);
    }

    private final CuratorFramework curator;
    private final Consumer<SortedMap<String, MountPoint>> onChange;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final CountDownLatch initialized = new CountDownLatch(1);
    private final Object viewChanged = new Object();
    private final ExecutorService events = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "strata-mount-table");
        thread.setDaemon(true);
        return thread;
    });
    private final ConnectionStateListener connectionListener = this::connectionChanged;
    private volatile SortedMap<String, MountPoint> view = Collections.emptySortedMap();
    private CuratorCache cache;

    /**
     * @param onChange called on the store's own thread with the new view after every change seen
     *     by the cache; must not block
     */
    MountStore(CuratorFramework curator, Consumer<SortedMap<String, MountPoint>> onChange) {
        this.curator = requireNonNull(curator, "curator is null");
        this.onChange = requireNonNull(onChange, "onChange is null");
    }

    /** Starts watching the table; does not block (the view fills in the background). */
    void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("already started or closed");
        }
        cache = CuratorCache.build(curator, MOUNTS);
        CuratorCacheListener listener = CuratorCacheListener.builder()
                .forAll((type, previous, node) -> refreshView())
                .forInitialized(() -> {
                    refreshView();
                    initialized.countDown();
                })
                .build();
        cache.listenable().addListener(listener, events);
        curator.getConnectionStateListenable().addListener(connectionListener, events);
        cache.start();
    }

    @Override
    public void close() {
        State previous = state.getAndSet(State.CLOSED);
        if (previous != State.STARTED) {
            events.shutdownNow();
            return;
        }
        RuntimeException failure = null;
        try {
            curator.getConnectionStateListenable().removeListener(connectionListener);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            cache.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        events.shutdownNow();
        if (failure != null) {
            throw failure;
        }
    }

    private void connectionChanged(CuratorFramework client, ConnectionState newState) {
        switch (newState) {
            // first connection: the cache reads the table and reports it
            case CONNECTED -> LOG.debug("Mount table connected to ZooKeeper");
            // the cache re-reads the table after a reconnection, so the view catches up by itself
            case RECONNECTED -> LOG.info("Mount table reconnected to ZooKeeper; the view is being refreshed");
            // the view keeps its last state (paths still resolve); writes fail until the connection is back
            case SUSPENDED ->
                LOG.warn("Mount table lost its ZooKeeper connection; mount changes fail until it is back");
            case LOST -> LOG.warn("Mount table's ZooKeeper session was lost; mount changes fail until it is back");
            // read-only mode is not enabled on our clients
            case READ_ONLY -> LOG.warn("Mount table is connected to a read-only ZooKeeper server");
        }
    }

    private void refreshView() {
        SortedMap<String, MountPoint> fresh = new TreeMap<>();
        cache.stream()
                .filter(node -> node.getPath().startsWith(MOUNTS + "/"))
                .forEach(node -> parse(node).ifPresent(mount -> fresh.put(mount.path(), mount)));
        SortedMap<String, MountPoint> updated = Collections.unmodifiableSortedMap(fresh);
        if (updated.equals(view)) {
            return;
        }
        synchronized (viewChanged) {
            view = updated;
            viewChanged.notifyAll();
        }
        try {
            onChange.accept(updated);
        } catch (RuntimeException e) {
            LOG.warn("A mount table listener failed", e);
        }
    }

    private static Optional<MountPoint> parse(ChildData node) {
        if (node.getData() == null || node.getData().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(MountRecord.fromJson(node.getData()).toMountPoint());
        } catch (RuntimeException e) {
            LOG.warn("Ignoring mount record {}: {}", node.getPath(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The table as this node's cache sees it, by path. */
    SortedMap<String, MountPoint> view() {
        return view;
    }

    boolean isInitialized() {
        return initialized.getCount() == 0;
    }

    /** Waits until the view satisfies {@code condition}; false on timeout. */
    boolean awaitView(Predicate<SortedMap<String, MountPoint>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (viewChanged) {
            while (!condition.test(view)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(viewChanged, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Waits for the first full read of the table; false on timeout. */
    boolean awaitInitialized(Duration timeout) {
        try {
            return initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String znode(String path) {
        return MOUNTS + "/" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    static String pathOf(String znodeName) {
        return URLDecoder.decode(znodeName, StandardCharsets.UTF_8);
    }

    /** The table as ZooKeeper has it now. */
    Snapshot read() {
        try {
            Stat parent = curator.checkExists().forPath(MOUNTS);
            if (parent == null) {
                return new Snapshot(new TreeMap<>(), -1);
            }
            SortedMap<String, Versioned> mounts = new TreeMap<>();
            for (String child : curator.getChildren().forPath(MOUNTS)) {
                Stat stat = new Stat();
                byte[] data;
                try {
                    data = curator.getData().storingStatIn(stat).forPath(MOUNTS + "/" + child);
                } catch (KeeperException.NoNodeException e) {
                    // removed while reading: the version check of any change made on this read fails
                    continue;
                }
                try {
                    MountPoint mount = MountRecord.fromJson(data).toMountPoint();
                    mounts.put(mount.path(), new Versioned(mount, stat.getVersion()));
                } catch (RuntimeException e) {
                    LOG.warn("Ignoring mount record {}/{}: {}", MOUNTS, child, e.getMessage());
                }
            }
            return new Snapshot(mounts, parent.getVersion());
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /**
     * Adds {@code mount} if {@code validation} accepts the table as it is when the change is made.
     *
     * @throws StrataException from the validation, or {@code UNAVAILABLE} when ZooKeeper cannot be
     *     reached
     */
    void add(MountPoint mount, Validation validation) {
        byte[] record = MountRecord.of(mount).toJson();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Snapshot table = readWithParent();
            validation.check(table);
            try {
                curator.transaction()
                        .forOperations(
                                curator.transactionOp()
                                        .setData()
                                        .withVersion(table.version())
                                        .forPath(MOUNTS, new byte[0]),
                                curator.transactionOp().create().forPath(znode(mount.path()), record));
                return;
            } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
                LOG.debug("Mount table changed while adding {}; deciding again", mount.path());
            } catch (Exception e) {
                throw unavailable(e);
            }
        }
        throw StrataException.conflict("The mount table is changing too fast; try again");
    }

    /**
     * Removes the mount at {@code path}.
     *
     * @return false when there is none
     */
    boolean remove(String path) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Snapshot table = readWithParent();
            Versioned existing = table.mounts().get(path);
            if (existing == null) {
                return false;
            }
            try {
                curator.transaction()
                        .forOperations(
                                curator.transactionOp()
                                        .setData()
                                        .withVersion(table.version())
                                        .forPath(MOUNTS, new byte[0]),
                                curator.transactionOp()
                                        .delete()
                                        .withVersion(existing.version())
                                        .forPath(znode(path)));
                return true;
            } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
                LOG.debug("Mount table changed while removing {}; deciding again", path);
            } catch (Exception e) {
                throw unavailable(e);
            }
        }
        throw StrataException.conflict("The mount table is changing too fast; try again");
    }

    /** A direct read, creating {@value #MOUNTS} first if the table was never written. */
    private Snapshot readWithParent() {
        Snapshot table = read();
        if (table.version() >= 0) {
            return table;
        }
        try {
            curator.create().creatingParentsIfNeeded().forPath(MOUNTS, new byte[0]);
        } catch (KeeperException.NodeExistsException e) {
            // created by another node meanwhile
        } catch (Exception e) {
            throw unavailable(e);
        }
        return read();
    }

    private static StrataException unavailable(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof StrataException strata) {
            return strata;
        }
        LOG.warn("Mount table in ZooKeeper not reachable: {}", e.toString());
        return new StrataException(
                ErrorKind.UNAVAILABLE, "The mount table in ZooKeeper is not reachable: " + e.getMessage(), e);
    }
}
