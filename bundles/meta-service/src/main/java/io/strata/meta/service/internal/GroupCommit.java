package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Consumer;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.CreateOptions;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of record writes: writes that callers hand in while a ZooKeeper transaction is in
 * flight are sent together as the next {@code multi}, each keeping its own create or version check.
 * A caller is answered only once its transaction committed (or failed), so a success means the
 * write is in ZooKeeper. When a transaction fails because of one write (a lost compare-and-set, an
 * existing node), that write alone gets the error and the others go out again without it, so one
 * conflict does not fail its neighbours.
 *
 * <p>A batch holds at most {@code maxOps} writes and {@code maxBytes} of request (paths, data and a
 * per-op allowance), so it stays well under ZooKeeper's {@code jute.maxbuffer}; a single larger write
 * goes alone. A batch never holds two writes of one path: the second would fail its version check
 * anyway, so it waits for the next batch, by which time the {@link KnownFailure} check usually
 * answers it without a round trip. At most {@code maxInFlight} transactions are in flight; while they
 * are, new writes queue up, which is what makes the batches.
 *
 * <p>Transactions go out asynchronously on the ZooKeeper handle of the moment. When the connection
 * is down they fail at once with {@code CONNECTIONLOSS} (or {@code SESSIONEXPIRED}); a caller never
 * waits longer than {@code timeout}.
 */
final class GroupCommit implements Closeable {
    /** Per-op allowance for the request headers: op type, flags, version, ACL, lengths. */
    static final int OP_OVERHEAD_BYTES = 64;

    /**
     * A create ({@code expectedVersion} {@value #CREATE}) or a setData at the expected version, of a
     * path below the namespace. {@code committed} learns the node's stat once the write committed,
     * before the caller is answered and before the next batch is made (on ZooKeeper's event thread:
     * it must be quick and must not block), so that a view can take the write in first.
     */
    record Write(String path, byte[] data, int expectedVersion, Consumer<Stat> committed) {
        static final int CREATE = -1;

        Write {
            requireNonNull(path, "path is null");
            requireNonNull(data, "data is null");
            requireNonNull(committed, "committed is null");
        }

        static Write create(String path, byte[] data, Consumer<Stat> committed) {
            return new Write(path, data, CREATE, committed);
        }

        static Write update(String path, byte[] data, int version, Consumer<Stat> committed) {
            if (version < 0) {
                throw new IllegalArgumentException("version must not be negative");
            }
            return new Write(path, data, version, committed);
        }

        boolean isCreate() {
            return expectedVersion == CREATE;
        }

        int requestBytes() {
            return path.length() * 3 + data.length + OP_OVERHEAD_BYTES;
        }
    }

    /** The ZooKeeper handle of the moment (a new session has a new one). */
    @FunctionalInterface
    interface Handle {
        ZooKeeper zooKeeper() throws Exception;
    }

    /**
     * A write known to fail before it is sent, from what this node holds (e.g. a version older than
     * the one it wrote itself): its error code, or null when it is not known to fail.
     */
    @FunctionalInterface
    interface KnownFailure {
        KeeperException.Code check(Write write);
    }

    private static final class Pending {
        private final Write write;
        private final CompletableFuture<Stat> result = new CompletableFuture<>();

        Pending(Write write) {
            this.write = write;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final List<org.apache.zookeeper.data.ACL> ACL = ZooDefs.Ids.OPEN_ACL_UNSAFE;
    private static final CreateOptions PERSISTENT =
            CreateOptions.newBuilder(ACL, CreateMode.PERSISTENT).build();

    private final Handle handle;
    private final String namespace;
    private final KnownFailure knownFailure;
    private final int maxOps;
    private final int maxBytes;
    private final int maxInFlight;
    private final Duration timeout;

    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Set<String> inFlightPaths = new HashSet<>();
    private int inFlight;
    private boolean closed;

    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong committedWrites = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final LongAccumulator largestBatchOps = new LongAccumulator(Math::max, 0);
    private final LongAccumulator largestBatchBytes = new LongAccumulator(Math::max, 0);

    GroupCommit(
            Handle handle,
            String namespace,
            KnownFailure knownFailure,
            int maxOps,
            int maxBytes,
            int maxInFlight,
            Duration timeout) {
        this.handle = requireNonNull(handle, "handle is null");
        this.namespace = namespace == null ? "" : namespace;
        this.knownFailure = requireNonNull(knownFailure, "knownFailure is null");
        if (maxOps < 1 || maxBytes < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxOps, maxBytes and maxInFlight must be positive");
        }
        this.maxOps = maxOps;
        this.maxBytes = maxBytes;
        this.maxInFlight = maxInFlight;
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /**
     * Writes and waits until the transaction holding the write committed: the node's stat after the
     * write. A {@link KeeperException} is the write's own failure (or its transaction's when no single
     * write caused it, such as a lost connection).
     */
    Stat write(Write write) throws KeeperException, InterruptedException {
        Pending pending = new Pending(requireNonNull(write, "write is null"));
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the meta-service store is closed");
            }
            queue.addLast(pending);
        }
        dispatch();
        try {
            return pending.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KeeperException keeper) {
                throw keeper;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            synchronized (lock) {
                // an unsent write surely did not happen; a sent one may still commit
                queue.remove(pending);
            }
            throw KeeperException.create(KeeperException.Code.OPERATIONTIMEOUT, write.path());
        } catch (InterruptedException e) {
            synchronized (lock) {
                queue.remove(pending);
            }
            throw e;
        }
    }

    /** Sends batches while there is room in flight and writes to send. */
    private void dispatch() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            List<Pending> failed = new ArrayList<>();
            List<KeeperException.Code> failures = new ArrayList<>();
            synchronized (lock) {
                if (inFlight >= maxInFlight || queue.isEmpty()) {
                    return;
                }
                Set<String> paths = new HashSet<>();
                int bytes = 0;
                for (Iterator<Pending> pending = queue.iterator(); pending.hasNext(); ) {
                    Pending next = pending.next();
                    String path = next.write.path();
                    if (paths.contains(path) || inFlightPaths.contains(path)) {
                        continue;
                    }
                    KeeperException.Code known = knownFailure.check(next.write);
                    if (known != null) {
                        pending.remove();
                        failed.add(next);
                        failures.add(known);
                        continue;
                    }
                    int size = next.write.requestBytes();
                    if (!batch.isEmpty() && bytes + size > maxBytes) {
                        break;
                    }
                    pending.remove();
                    batch.add(next);
                    paths.add(path);
                    bytes += size;
                    if (batch.size() >= maxOps) {
                        break;
                    }
                }
                if (!batch.isEmpty()) {
                    inFlight++;
                    inFlightPaths.addAll(paths);
                    largestBatchOps.accumulate(batch.size());
                    largestBatchBytes.accumulate(bytes);
                }
            }
            for (int i = 0; i < failed.size(); i++) {
                Pending pending = failed.get(i);
                pending.result.completeExceptionally(KeeperException.create(failures.get(i), pending.write.path()));
            }
            if (batch.isEmpty()) {
                // only writes of paths in flight are left; their batch's answer dispatches them
                if (failed.isEmpty()) {
                    return;
                }
                continue;
            }
            send(batch);
        }
    }

    private void send(List<Pending> batch) {
        List<Op> ops = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            Write write = pending.write;
            String path = ZKPaths.makePath(namespace, write.path());
            ops.add(
                    write.isCreate()
                            ? Op.create(path, write.data(), PERSISTENT)
                            : Op.setData(path, write.data(), write.expectedVersion()));
        }
        transactions.incrementAndGet();
        try {
            handle.zooKeeper().multi(ops, (rc, path, context, results) -> answered(batch, rc, results), null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            KeeperException failure = e instanceof KeeperException keeper
                    ? keeper
                    : KeeperException.create(KeeperException.Code.CONNECTIONLOSS);
            release(batch);
            batch.forEach(pending -> pending.result.completeExceptionally(failure));
            dispatch();
        }
    }

    /** The transaction's answer, on ZooKeeper's event thread: answer the callers, resend the innocent. */
    private void answered(List<Pending> batch, int rc, List<OpResult> results) {
        release(batch);
        KeeperException.Code code = KeeperException.Code.get(rc);
        if (code == KeeperException.Code.OK && results != null && results.size() == batch.size()) {
            committedWrites.addAndGet(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                OpResult result = results.get(i);
                Stat stat = result instanceof OpResult.CreateResult created
                        ? created.getStat()
                        : result instanceof OpResult.SetDataResult set ? set.getStat() : null;
                Pending pending = batch.get(i);
                try {
                    pending.write.committed().accept(stat);
                } catch (RuntimeException e) {
                    // the write is in ZooKeeper whatever the view makes of it
                    LOG.warn("Cannot take in the committed write of {}: {}", pending.write.path(), e.toString());
                }
                pending.result.complete(stat);
            }
        } else {
            int culprit = culprit(results, batch.size());
            if (culprit < 0) {
                KeeperException failure = KeeperException.create(
                        code == KeeperException.Code.OK ? KeeperException.Code.SYSTEMERROR : code);
                batch.forEach(pending -> pending.result.completeExceptionally(failure));
            } else {
                Pending guilty = batch.get(culprit);
                int error = ((OpResult.ErrorResult) results.get(culprit)).getErr();
                guilty.result.completeExceptionally(
                        KeeperException.create(KeeperException.Code.get(error), guilty.write.path()));
                List<Pending> innocent = new ArrayList<>(batch);
                innocent.remove(culprit);
                if (!innocent.isEmpty()) {
                    resent.addAndGet(innocent.size());
                    synchronized (lock) {
                        for (int i = innocent.size() - 1; i >= 0; i--) {
                            queue.addFirst(innocent.get(i));
                        }
                    }
                }
            }
        }
        dispatch();
    }

    /** The write whose own error failed the transaction: the first error other than a rollback. */
    private static int culprit(List<OpResult> results, int size) {
        if (results == null || results.size() != size) {
            return -1;
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof OpResult.ErrorResult error
                    && error.getErr() != KeeperException.Code.OK.intValue()
                    && error.getErr() != KeeperException.Code.RUNTIMEINCONSISTENCY.intValue()) {
                return i;
            }
        }
        return -1;
    }

    private void release(List<Pending> batch) {
        synchronized (lock) {
            inFlight--;
            for (Pending pending : batch) {
                inFlightPaths.remove(pending.write.path());
            }
        }
    }

    /** Fails the writes not sent yet; transactions in flight still answer their callers. */
    @Override
    public void close() {
        List<Pending> dropped;
        synchronized (lock) {
            closed = true;
            dropped = new ArrayList<>(queue);
            queue.clear();
        }
        IllegalStateException failure = new IllegalStateException("the meta-service store is closed");
        dropped.forEach(pending -> pending.result.completeExceptionally(failure));
    }

    /** Writes waiting for a transaction. */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Transactions sent so far. */
    long transactions() {
        return transactions.get();
    }

    /** Writes committed so far. */
    long committedWrites() {
        return committedWrites.get();
    }

    /** Writes sent again after their transaction failed because of another write. */
    long resent() {
        return resent.get();
    }

    long largestBatchOps() {
        return largestBatchOps.get();
    }

    long largestBatchBytes() {
        return largestBatchBytes.get();
    }
}
