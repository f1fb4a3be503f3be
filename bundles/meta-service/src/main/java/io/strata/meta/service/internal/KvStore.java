package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The txn and tablet records: one znode per key of the reference's key layout, under
 * {@value #KV} and named by the key's hex, holding the record's compact JSON. Several records
 * change together in one ZooKeeper transaction whose every write is checked against the version
 * read, and the whole read-check-write is retried on conflict.
 */
final class KvStore {
    static final String KV = InstanceStore.BASE + "/kv";
    static final String COUNTERS = InstanceStore.BASE + "/counters";

    /** A record and the znode version it was read at. */
    record Versioned<T>(T value, int version) {
        Versioned {
            requireNonNull(value, "value is null");
        }
    }

    /** The writes of one transaction, each checked against what was read. */
    static final class Changes {
        private final List<Change> changes = new ArrayList<>();

        private record Change(byte[] key, byte[] data, int version, boolean delete) {}

        /** Creates the record; fails the transaction when it exists. */
        Changes create(byte[] key, Object value) {
            changes.add(new Change(key, ProtoJson.bytes(value), -1, false));
            return this;
        }

        /** Replaces the record read at {@code version}. */
        Changes update(byte[] key, Object value, int version) {
            changes.add(new Change(key, ProtoJson.bytes(value), version, false));
            return this;
        }

        /** Writes the record: creates it when {@code read} is empty, else replaces the version read. */
        Changes put(byte[] key, Object value, Optional<? extends Versioned<?>> read) {
            return read.isPresent() ? update(key, value, read.get().version()) : create(key, value);
        }

        Changes delete(byte[] key, int version) {
            changes.add(new Change(key, null, version, true));
            return this;
        }

        boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    /** A transaction body: reads, checks and returns its changes; run again after a conflict. */
    @FunctionalInterface
    interface Body<T> {
        T run(Changes changes);
    }

    private static final int MAX_ATTEMPTS = 1000;

    private final CuratorFramework curator;

    KvStore(CuratorFramework curator) {
        this.curator = requireNonNull(curator, "curator is null");
    }

    static String path(byte[] key) {
        return KV + "/" + KeyCodec.hex(key);
    }

    Optional<byte[]> raw(byte[] key) {
        try {
            return Optional.of(curator.getData().forPath(path(key)));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw InstanceStore.failure(
                    MetaServiceCode.KV_TXN_GET_ERR, "failed to get kv, key=" + KeyCodec.hex(key), e);
        }
    }

    <T> Optional<Versioned<T>> get(byte[] key, Class<T> type) {
        Stat stat = new Stat();
        try {
            byte[] data = curator.getData().storingStatIn(stat).forPath(path(key));
            return Optional.of(new Versioned<>(ProtoJson.read(data, type), stat.getVersion()));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw InstanceStore.failure(
                    MetaServiceCode.KV_TXN_GET_ERR, "failed to get kv, key=" + KeyCodec.hex(key), e);
        }
    }

    /** Runs the body and commits its changes atomically, retrying the whole body on conflict. */
    <T> T transact(Body<T> body) {
        ensureFolder();
        for (int attempt = 1; ; attempt++) {
            Changes changes = new Changes();
            T result = body.run(changes);
            if (changes.isEmpty()) {
                return result;
            }
            try {
                List<CuratorOp> ops = new ArrayList<>();
                for (Changes.Change change : changes.changes) {
                    String path = path(change.key());
                    if (change.delete()) {
                        ops.add(curator.transactionOp()
                                .delete()
                                .withVersion(change.version())
                                .forPath(path));
                    } else if (change.version() < 0) {
                        ops.add(curator.transactionOp().create().forPath(path, change.data()));
                    } else {
                        ops.add(curator.transactionOp()
                                .setData()
                                .withVersion(change.version())
                                .forPath(path, change.data()));
                    }
                }
                curator.transaction().forOperations(ops);
                return result;
            } catch (KeeperException.BadVersionException
                    | KeeperException.NodeExistsException
                    | KeeperException.NoNodeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new MetaServiceException(
                            MetaServiceCode.KV_TXN_CONFLICT, "failed to commit kv txn, err=Conflict");
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(Math.min(attempt, 20) * 100_000L));
            } catch (Exception e) {
                throw InstanceStore.failure(MetaServiceCode.KV_TXN_COMMIT_ERR, "failed to commit kv txn", e);
            }
        }
    }

    /** The next value of a named counter (1, 2, ...), by compare-and-set. */
    long next(String counter) {
        String path = COUNTERS + "/" + counter;
        for (int attempt = 1; ; attempt++) {
            try {
                Stat stat = new Stat();
                byte[] data;
                try {
                    data = curator.getData().storingStatIn(stat).forPath(path);
                } catch (KeeperException.NoNodeException e) {
                    try {
                        curator.create()
                                .creatingParentContainersIfNeeded()
                                .forPath(path, "1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        return 1;
                    } catch (KeeperException.NodeExistsException raced) {
                        continue;
                    }
                }
                long next = Long.parseLong(new String(data, java.nio.charset.StandardCharsets.US_ASCII)) + 1;
                curator.setData()
                        .withVersion(stat.getVersion())
                        .forPath(path, Long.toString(next).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return next;
            } catch (KeeperException.BadVersionException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new MetaServiceException(
                            MetaServiceCode.KV_TXN_CONFLICT, "failed to allocate " + counter + ", err=Conflict");
                }
            } catch (Exception e) {
                throw InstanceStore.failure(MetaServiceCode.KV_TXN_COMMIT_ERR, "failed to allocate " + counter, e);
            }
        }
    }

    private void ensureFolder() {
        try {
            if (curator.checkExists().forPath(KV) == null) {
                curator.create().creatingParentContainersIfNeeded().forPath(KV);
            }
        } catch (KeeperException.NodeExistsException e) {
            // created meanwhile
        } catch (Exception e) {
            throw InstanceStore.failure(MetaServiceCode.KV_TXN_COMMIT_ERR, "failed to create " + KV, e);
        }
    }
}
