package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance records in ZooKeeper: one znode per instance under {@value #INSTANCES}, named by
 * the hex of the instance's encoded key (so an id with any bytes works), holding the
 * {@link InstanceDocument} as JSON with every AK/SK encrypted. Every change is a compare-and-set on
 * the znode version, retried on conflict, so concurrent changes never lose an update.
 *
 * <p>A persistent recursive watch keeps a view of every record (and the {@link NodeIndex} built from
 * it) in step on every coordinator: a changed record is re-read shortly after its watch event, once
 * for a burst of changes, and not at all when the event's zxid shows the change is held already
 * (this node's own writes). The view is also the optimistic starting
 * point of a compare-and-set (a stale view costs one failed {@code setData} and a re-read), never a
 * source of truth.
 */
final class InstanceStore implements Closeable {
    static final String BASE = "/meta-service";
    static final String INSTANCES = BASE + "/instances";

    private static final Logger LOG = LoggerFactory.getLogger(InstanceStore.class);
    private static final Duration RELOAD_DELAY = Duration.ofMillis(20);

    private enum State {
        LATENT,
        STARTED,
        CLOSED
    }

    /** A change of one instance: returns the new document, the same one for no change, or throws. */
    @FunctionalInterface
    interface Mutation {
        InstanceDocument apply(InstanceDocument current);
    }

    /**
     * A record changed in ZooKeeper and not read yet: the newest zxid of its events, and when the
     * first of them arrived (it is read {@link #RELOAD_DELAY} after that, once for a burst).
     */
    private record PendingReload(long zxid, long sinceNanos) {
        PendingReload newer(PendingReload other) {
            return new PendingReload(Math.max(zxid, other.zxid), Math.min(sinceNanos, other.sinceNanos));
        }
    }

    /** A document (in clear) and the znode version it was read at. */
    record Versioned(InstanceDocument document, int version) {
        Versioned {
            requireNonNull(document, "document is null");
        }
    }

    /**
     * What the view holds of one znode: the record as stored, its version and the zxid of its last
     * change, and the record in clear (known for this node's own writes, else decrypted on first use).
     */
    private final class Held {
        private final InstanceDocument stored;
        private final int version;
        private final long modifiedZxid;
        private volatile InstanceDocument clear;

        Held(InstanceDocument stored, InstanceDocument clear, int version, long modifiedZxid) {
            this.stored = requireNonNull(stored, "stored is null");
            this.clear = clear;
            this.version = version;
            this.modifiedZxid = modifiedZxid;
        }

        InstanceDocument stored() {
            return stored;
        }

        int version() {
            return version;
        }

        long modifiedZxid() {
            return modifiedZxid;
        }

        /** The record in clear; racing first uses may both decrypt, with the same result. */
        InstanceDocument clear() {
            InstanceDocument opened = clear;
            if (opened == null) {
                opened = cipher.open(stored);
                clear = opened;
            }
            return opened;
        }

        AkSkCipher.Sealed<InstanceDocument> sealed() {
            return new AkSkCipher.Sealed<>(stored, clear());
        }
    }

    private final CuratorFramework curator;
    private final AkSkCipher cipher;
    private final NodeIndex index = new NodeIndex();
    private final int maxAttempts;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final CountDownLatch initialized = new CountDownLatch(1);
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong reloads = new AtomicLong();
    private final Map<String, Held> view = new ConcurrentHashMap<>();
    private final Map<String, PendingReload> pendingReloads = new ConcurrentHashMap<>();
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meta-service-index");
        thread.setDaemon(true);
        return thread;
    });
    private final ConnectionStateListener connectionListener = this::connectionChanged;
    private final Watcher watcher = this::onEvent;
    private final GroupCommit commits;
    private volatile boolean folderPresent;
    private volatile String watchedPath;

    /** How writes are grouped into ZooKeeper transactions (see {@link GroupCommit}). */
    record Batching(int maxOps, int maxBytes, int maxInFlight, Duration timeout) {
        static final Batching DEFAULT = new Batching(128, 512 * 1024, 1, Duration.ofSeconds(30));

        Batching {
            requireNonNull(timeout, "timeout is null");
            if (maxOps < 1 || maxBytes < 1 || maxInFlight < 1 || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("batch bounds and timeout must be positive");
            }
        }
    }

    InstanceStore(CuratorFramework curator, AkSkCipher cipher, int maxAttempts) {
        this(curator, cipher, maxAttempts, Batching.DEFAULT);
    }

    InstanceStore(CuratorFramework curator, AkSkCipher cipher, int maxAttempts, Batching batching) {
        this.curator = requireNonNull(curator, "curator is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        requireNonNull(batching, "batching is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive");
        }
        this.maxAttempts = maxAttempts;
        this.commits = new GroupCommit(
                () -> curator.getZookeeperClient().getZooKeeper(),
                curator.getNamespace(),
                this::knownFailure,
                batching.maxOps(),
                batching.maxBytes(),
                batching.maxInFlight(),
                batching.timeout());
    }

    /**
     * A write the view shows to fail: a create of a record held (records are never deleted), or a
     * write at a version older than the one held (this node's own write, or one it read).
     */
    private KeeperException.Code knownFailure(GroupCommit.Write write) {
        Held held = view.get(write.path());
        if (held == null) {
            return null;
        }
        if (write.isCreate()) {
            return KeeperException.Code.NODEEXISTS;
        }
        return held.version() > write.expectedVersion() ? KeeperException.Code.BADVERSION : null;
    }

    /** Starts watching the records; does not block (the view fills in the background). */
    void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("already started or closed");
        }
        watchedPath = ZKPaths.makePath(curator.getNamespace(), INSTANCES);
        curator.getConnectionStateListenable().addListener(connectionListener, events);
        if (curator.getZookeeperClient().isConnected()) {
            submit(this::watchAndResync);
        }
    }

    @Override
    public void close() {
        commits.close();
        if (!state.compareAndSet(State.STARTED, State.CLOSED)) {
            state.set(State.CLOSED);
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
            curator.getZookeeperClient()
                    .getZooKeeper()
                    .removeWatches(watchedPath, watcher, Watcher.WatcherType.Any, true);
        } catch (KeeperException.NoWatcherException e) {
            // never set (no connection yet)
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            RuntimeException removal = new IllegalStateException("cannot remove the meta-service watch", e);
            if (failure == null) {
                failure = removal;
            } else {
                failure.addSuppressed(removal);
            }
        }
        events.shutdownNow();
        if (failure != null) {
            throw failure;
        }
    }

    private void submit(Runnable task) {
        if (state.get() != State.STARTED) {
            return;
        }
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /**
     * Sets the persistent recursive watch on the client's current ZooKeeper handle (idempotent; a
     * new session needs it again) and reads every record. The watch is set on the handle itself
     * because Curator's watcher wrapper drops the event's zxid, which tells this node's own writes
     * apart. Runs on the events thread.
     */
    private void watchAndResync() {
        if (state.get() != State.STARTED) {
            return;
        }
        try {
            curator.getZookeeperClient()
                    .getZooKeeper()
                    .addWatch(watchedPath, watcher, AddWatchMode.PERSISTENT_RECURSIVE);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Cannot watch the meta-service records; retrying on the next reconnection: {}", e.toString());
            return;
        }
        resync();
    }

    private void connectionChanged(CuratorFramework client, ConnectionState newState) {
        switch (newState) {
            // connected: set the watch and read the records
            case CONNECTED -> {
                LOG.debug("Meta-service store connected to ZooKeeper");
                watchAndResync();
            }
            // the session may be a new one: set the watch again and re-read every record
            case RECONNECTED -> {
                LOG.info("Meta-service store reconnected to ZooKeeper; the node index is being refreshed");
                watchAndResync();
            }
            // writes fail until the connection is back; the index may lag meanwhile
            case SUSPENDED ->
                LOG.warn("Meta-service store lost its ZooKeeper connection; writes fail until it is back");
            case LOST -> LOG.warn("Meta-service store's ZooKeeper session was lost; writes fail until it is back");
            // read-only mode is not enabled on our clients
            case READ_ONLY -> LOG.warn("Meta-service store is connected to a read-only ZooKeeper server");
        }
    }

    /** Reads every record again (start and reconnection); runs on the events thread. */
    private void resync() {
        if (state.get() != State.STARTED) {
            return;
        }
        try {
            List<String> children;
            try {
                children = curator.getChildren().forPath(INSTANCES);
            } catch (KeeperException.NoNodeException e) {
                children = List.of();
            }
            Set<String> present = new HashSet<>();
            for (String child : children) {
                String path = INSTANCES + "/" + child;
                present.add(path);
                reload(path);
            }
            for (String path : List.copyOf(view.keySet())) {
                if (!present.contains(path)) {
                    forget(path);
                }
            }
            initialized.countDown();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Cannot read the meta-service records; retrying on the next reconnection: {}", e.toString());
        }
    }

    /**
     * Runs on ZooKeeper's event thread, so it must be quick and never block: a change is only noted
     * (one map update), and read later by {@link #sweep} on the events thread. This node's own
     * writes send events too, and they come before the write's answer, on this same thread: the
     * answer takes the write into the view and strikes its pending read ({@link #hold}), so an own
     * write is neither handed over nor read back.
     */
    private void onEvent(WatchedEvent event) {
        String fullPath = event.getPath();
        String watched = watchedPath;
        if (fullPath == null
                || watched == null
                || fullPath.length() <= watched.length() + 1
                || !fullPath.startsWith(watched)
                || fullPath.charAt(watched.length()) != '/'
                || fullPath.indexOf('/', watched.length() + 1) >= 0) {
            return;
        }
        String path = INSTANCES + fullPath.substring(watched.length());
        switch (event.getType()) {
            case NodeDeleted -> submit(() -> forget(path));
            case NodeCreated, NodeDataChanged -> {
                // read shortly after, once for a burst of changes
                long zxid = event.getZxid() == WatchedEvent.NO_ZXID ? Long.MAX_VALUE : event.getZxid();
                pendingReloads.merge(path, new PendingReload(zxid, System.nanoTime()), PendingReload::newer);
                scheduleSweep(RELOAD_DELAY.toNanos());
            }
            case None, NodeChildrenChanged, DataWatchRemoved, ChildWatchRemoved, PersistentWatchRemoved -> {}
        }
    }

    /** Schedules one {@link #sweep} unless one is scheduled already. */
    private void scheduleSweep(long delayNanos) {
        if (state.get() != State.STARTED || !sweepScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            events.schedule(this::sweep, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Reads the pending records whose delay is over; runs on the events thread. */
    private void sweep() {
        sweepScheduled.set(false);
        long now = System.nanoTime();
        long delay = RELOAD_DELAY.toNanos();
        long nextDue = Long.MAX_VALUE;
        for (Map.Entry<String, PendingReload> entry : pendingReloads.entrySet()) {
            PendingReload pending = entry.getValue();
            long due = pending.sinceNanos() + delay;
            if (due - now > 0) {
                nextDue = Math.min(nextDue, due - now);
                continue;
            }
            if (pendingReloads.remove(entry.getKey(), pending)) {
                reloadPending(entry.getKey(), pending.zxid());
            } else {
                // a newer event came meanwhile: it is due now too
                nextDue = 0;
            }
        }
        if (!pendingReloads.isEmpty()) {
            scheduleSweep(nextDue == Long.MAX_VALUE ? delay : Math.max(nextDue, 1_000_000L));
        }
    }

    private void reloadPending(String path, long zxid) {
        if (state.get() != State.STARTED) {
            return;
        }
        Held held = view.get(path);
        if (held != null && held.modifiedZxid() >= zxid) {
            return;
        }
        try {
            reload(path);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Cannot read meta-service record {}: {}", path, e.toString());
        }
    }

    private void reload(String path) throws Exception {
        reloads.incrementAndGet();
        Stat stat = new Stat();
        byte[] data;
        try {
            data = curator.getData().storingStatIn(stat).forPath(path);
        } catch (KeeperException.NoNodeException e) {
            forget(path);
            return;
        }
        try {
            hold(path, ProtoJson.read(data, InstanceDocument.class), null, stat);
        } catch (RuntimeException e) {
            LOG.warn("Cannot index meta-service record {}: {}", path, e.toString());
        }
    }

    /**
     * Takes a record read or written at {@code stat} into the view and the index, unless a newer one
     * is held; {@code clear} is the record in clear when known (null: decrypted on first use).
     * Returns what the view holds now.
     */
    private Held hold(String path, InstanceDocument stored, InstanceDocument clear, Stat stat) {
        Held candidate = new Held(stored, clear, stat.getVersion(), stat.getMzxid());
        Held result = view.merge(
                path, candidate, (current, offered) -> offered.version() > current.version() ? offered : current);
        if (result == candidate) {
            index.apply(stored.instance(), stat.getVersion());
        }
        // the change's event, noted before this answer, needs no read now
        long held = result.modifiedZxid();
        pendingReloads.computeIfPresent(path, (key, pending) -> pending.zxid() <= held ? null : pending);
        return result;
    }

    private void forget(String path) {
        Held removed = view.remove(path);
        if (removed != null) {
            index.remove(removed.stored().instance().instanceId());
        }
    }

    NodeIndex index() {
        return index;
    }

    /** Waits for the first full read of the records; false on timeout. */
    boolean awaitInitialized(Duration timeout) {
        try {
            return initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Compare-and-set conflicts seen so far (for metrics and tests). */
    long conflicts() {
        return conflicts.get();
    }

    /** Records read because of a watch event or a resync (for tests: this node's own writes are not read back). */
    long reloads() {
        return reloads.get();
    }

    /** The group commit of this store's writes (for tests and metrics). */
    GroupCommit commits() {
        return commits;
    }

    static String path(String instanceId) {
        return INSTANCES + "/" + KeyCodec.hex(Keys.instance(instanceId));
    }

    /** The record as ZooKeeper has it now, in clear. */
    Optional<Versioned> read(String instanceId) {
        return readHeld(instanceId).map(held -> new Versioned(held.clear(), held.version()));
    }

    /** The record as ZooKeeper has it now (taken into the view), with its version. */
    private Optional<Held> readHeld(String instanceId) {
        String path = path(instanceId);
        Stat stat = new Stat();
        byte[] data;
        try {
            data = curator.getData().storingStatIn(stat).forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw failure(MetaServiceCode.KV_TXN_GET_ERR, "failed to get instance, instance_id=" + instanceId, e);
        }
        InstanceDocument stored = ProtoJson.read(data, InstanceDocument.class);
        Held held = hold(path, stored, null, stat);
        // what was read, even when the view holds a newer version meanwhile
        return Optional.of(
                held.version() == stat.getVersion()
                        ? held
                        : new Held(stored, null, stat.getVersion(), stat.getMzxid()));
    }

    /** The record exactly as stored (AK/SK encrypted), for get_value. */
    Optional<byte[]> raw(String instanceId) {
        try {
            return Optional.of(curator.getData().forPath(path(instanceId)));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw failure(MetaServiceCode.KV_TXN_GET_ERR, "failed to get instance, instance_id=" + instanceId, e);
        }
    }

    /** Whether the instance exists; answered from the view when it holds the record. */
    boolean exists(String instanceId) {
        String path = path(instanceId);
        if (view.containsKey(path)) {
            // records are never deleted (a dropped instance keeps its record)
            return true;
        }
        try {
            return curator.checkExists().forPath(path) != null;
        } catch (Exception e) {
            throw failure(MetaServiceCode.KV_TXN_GET_ERR, "failed to get instance, instance_id=" + instanceId, e);
        }
    }

    /** Creates the record; false when one exists already. */
    boolean create(InstanceDocument document) {
        String instanceId = document.instance().instanceId();
        String path = path(instanceId);
        AkSkCipher.Sealed<InstanceDocument> sealed = cipher.seal(document, null);
        GroupCommit.Write write = GroupCommit.Write.create(
                path, ProtoJson.bytes(sealed.stored()), stat -> hold(path, sealed.stored(), sealed.clear(), stat));
        try {
            ensureFolder();
            try {
                commits.write(write);
            } catch (KeeperException.NoNodeException e) {
                // the folder went away meanwhile (only by hand: records are never deleted)
                folderPresent = false;
                ensureFolder();
                commits.write(write);
            }
        } catch (KeeperException.NodeExistsException e) {
            return false;
        } catch (Exception e) {
            throw failure(MetaServiceCode.KV_TXN_COMMIT_ERR, "failed to commit kv txn, instance_id=" + instanceId, e);
        }
        return true;
    }

    /** Creates the records' folder once: a create in a transaction cannot create its parents. */
    private void ensureFolder() throws Exception {
        if (folderPresent) {
            return;
        }
        try {
            curator.create().creatingParentsIfNeeded().forPath(INSTANCES);
        } catch (KeeperException.NodeExistsException e) {
            // there already (the usual case)
        }
        folderPresent = true;
    }

    /**
     * Applies a mutation with compare-and-set, starting from the view; after a conflict it starts
     * again from the view when that holds a newer version meanwhile (a write of this node, or one it
     * read), else from ZooKeeper. Returns the document in force afterwards. The write is group
     * committed with other callers' writes ({@link GroupCommit}). Keys the change leaves alone keep
     * their ciphertexts, and the view keeps the written record in clear, so a change that does not
     * touch keys neither encrypts nor decrypts.
     */
    InstanceDocument update(String instanceId, Mutation mutation, Supplier<? extends RuntimeException> whenMissing) {
        String path = path(instanceId);
        Held current = view.get(path);
        for (int attempt = 1; ; attempt++) {
            if (current == null) {
                current = readHeld(instanceId).orElseThrow(whenMissing);
            }
            InstanceDocument clear = current.clear();
            InstanceDocument next = mutation.apply(clear);
            if (next == clear) {
                return next;
            }
            AkSkCipher.Sealed<InstanceDocument> sealed = cipher.seal(next, current.sealed());
            try {
                commits.write(GroupCommit.Write.update(
                        path,
                        ProtoJson.bytes(sealed.stored()),
                        current.version(),
                        stat -> hold(path, sealed.stored(), sealed.clear(), stat)));
                return next;
            } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
                conflicts.incrementAndGet();
                if (attempt >= maxAttempts) {
                    throw new MetaServiceException(
                            MetaServiceCode.KV_TXN_CONFLICT,
                            "failed to commit kv txn, err=Conflict, gave up after " + attempt
                                    + " attempts, instance_id=" + instanceId);
                }
                Held newer = view.get(path);
                current = newer != null && newer.version() > current.version() ? newer : null;
                if (attempt > 1 && current == null) {
                    // spread the retries of writers racing on one instance
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(Math.min(attempt, 20) * 100_000L));
                }
            } catch (Exception e) {
                throw failure(
                        MetaServiceCode.KV_TXN_COMMIT_ERR, "failed to commit kv txn, instance_id=" + instanceId, e);
            }
        }
    }

    static MetaServiceException failure(MetaServiceCode code, String message, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String reason = cause instanceof KeeperException keeper
                ? keeper.code().name()
                : cause.getClass().getSimpleName();
        return new MetaServiceException(code, message + " err=" + reason, cause);
    }
}
