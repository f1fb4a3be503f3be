package io.strata.meta.service.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The key layouts of the reference meta-service, used both to name Strata's records in ZooKeeper
 * and by encode_key / get_value. Each {@link KeyType} lists its query parameters in order.
 */
final class Keys {
    private Keys() {}

    static byte[] instance(String instanceId) {
        return KeyCodec.userKey().bytes("instance").bytes(instanceId).build();
    }

    static byte[] txnLabel(String instanceId, long dbId, String label) {
        return KeyCodec.userKey()
                .bytes("txn")
                .bytes(instanceId)
                .bytes("txn_label")
                .int64(dbId)
                .bytes(label)
                .build();
    }

    static byte[] txnInfo(String instanceId, long dbId, long txnId) {
        return KeyCodec.userKey()
                .bytes("txn")
                .bytes(instanceId)
                .bytes("txn_info")
                .int64(dbId)
                .int64(txnId)
                .build();
    }

    static byte[] txnIndex(String instanceId, long txnId) {
        return KeyCodec.userKey()
                .bytes("txn")
                .bytes(instanceId)
                .bytes("txn_index")
                .int64(txnId)
                .build();
    }

    static byte[] txnRunning(String instanceId, long dbId, long txnId) {
        return KeyCodec.userKey()
                .bytes("txn")
                .bytes(instanceId)
                .bytes("txn_running")
                .int64(dbId)
                .int64(txnId)
                .build();
    }

    static byte[] metaTablet(String instanceId, long tableId, long indexId, long partitionId, long tabletId) {
        return KeyCodec.userKey()
                .bytes("meta")
                .bytes(instanceId)
                .bytes("tablet")
                .int64(tableId)
                .int64(indexId)
                .int64(partitionId)
                .int64(tabletId)
                .build();
    }

    static byte[] metaTabletIndex(String instanceId, long tabletId) {
        return KeyCodec.userKey()
                .bytes("meta")
                .bytes(instanceId)
                .bytes("tablet_index")
                .int64(tabletId)
                .build();
    }

    static byte[] statsTablet(String instanceId, long tableId, long indexId, long partitionId, long tabletId) {
        return KeyCodec.userKey()
                .bytes("stats")
                .bytes(instanceId)
                .bytes("tablet")
                .int64(tableId)
                .int64(indexId)
                .int64(partitionId)
                .int64(tabletId)
                .build();
    }

    static byte[] jobTablet(String instanceId, long tableId, long indexId, long partitionId, long tabletId) {
        return KeyCodec.userKey()
                .bytes("job")
                .bytes(instanceId)
                .bytes("tablet")
                .int64(tableId)
                .int64(indexId)
                .int64(partitionId)
                .int64(tabletId)
                .build();
    }

    static byte[] storageVault(String instanceId, String vaultId) {
        return KeyCodec.userKey()
                .bytes("storage_vault")
                .bytes(instanceId)
                .bytes("vault")
                .bytes(vaultId)
                .build();
    }

    private static byte[] system(String name) {
        return KeyCodec.key(KeyCodec.SYSTEM_KEY_SPACE)
                .bytes("system")
                .bytes("meta-service")
                .bytes(name)
                .build();
    }

    /** The key types encode_key and get_value know, with their query parameters in order. */
    enum KeyType {
        InstanceKey(List.of("instance_id"), p -> instance(p.get(0))),
        TxnLabelKey(List.of("instance_id", "db_id", "label"), p -> txnLabel(p.get(0), int64(p.get(1)), p.get(2))),
        TxnInfoKey(List.of("instance_id", "db_id", "txn_id"), p -> txnInfo(p.get(0), int64(p.get(1)), int64(p.get(2)))),
        TxnIndexKey(List.of("instance_id", "txn_id"), p -> txnIndex(p.get(0), int64(p.get(1)))),
        TxnRunningKey(
                List.of("instance_id", "db_id", "txn_id"), p -> txnRunning(p.get(0), int64(p.get(1)), int64(p.get(2)))),
        PartitionVersionKey(
                List.of("instance_id", "db_id", "tbl_id", "partition_id"),
                p -> KeyCodec.userKey()
                        .bytes("version")
                        .bytes(p.get(0))
                        .bytes("partition")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .int64(int64(p.get(3)))
                        .build()),
        TableVersionKey(
                List.of("instance_id", "db_id", "tbl_id"),
                p -> KeyCodec.userKey()
                        .bytes("version")
                        .bytes(p.get(0))
                        .bytes("table")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .build()),
        MetaRowsetKey(
                List.of("instance_id", "tablet_id", "version"),
                p -> KeyCodec.userKey()
                        .bytes("meta")
                        .bytes(p.get(0))
                        .bytes("rowset")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .build()),
        MetaRowsetTmpKey(
                List.of("instance_id", "txn_id", "tablet_id"),
                p -> KeyCodec.userKey()
                        .bytes("meta")
                        .bytes(p.get(0))
                        .bytes("rowset_tmp")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .build()),
        MetaTabletKey(
                List.of("instance_id", "table_id", "index_id", "part_id", "tablet_id"),
                p -> metaTablet(p.get(0), int64(p.get(1)), int64(p.get(2)), int64(p.get(3)), int64(p.get(4)))),
        MetaTabletIdxKey(List.of("instance_id", "tablet_id"), p -> metaTabletIndex(p.get(0), int64(p.get(1)))),
        RecycleIndexKey(
                List.of("instance_id", "index_id"),
                p -> KeyCodec.userKey()
                        .bytes("recycle")
                        .bytes(p.get(0))
                        .bytes("index")
                        .int64(int64(p.get(1)))
                        .build()),
        RecyclePartKey(
                List.of("instance_id", "part_id"),
                p -> KeyCodec.userKey()
                        .bytes("recycle")
                        .bytes(p.get(0))
                        .bytes("partition")
                        .int64(int64(p.get(1)))
                        .build()),
        RecycleRowsetKey(
                List.of("instance_id", "tablet_id", "rowset_id"),
                p -> KeyCodec.userKey()
                        .bytes("recycle")
                        .bytes(p.get(0))
                        .bytes("rowset")
                        .int64(int64(p.get(1)))
                        .bytes(p.get(2))
                        .build()),
        RecycleTxnKey(
                List.of("instance_id", "db_id", "txn_id"),
                p -> KeyCodec.userKey()
                        .bytes("recycle")
                        .bytes(p.get(0))
                        .bytes("txn")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .build()),
        StatsTabletKey(
                List.of("instance_id", "table_id", "index_id", "part_id", "tablet_id"),
                p -> statsTablet(p.get(0), int64(p.get(1)), int64(p.get(2)), int64(p.get(3)), int64(p.get(4)))),
        JobTabletKey(
                List.of("instance_id", "table_id", "index_id", "part_id", "tablet_id"),
                p -> jobTablet(p.get(0), int64(p.get(1)), int64(p.get(2)), int64(p.get(3)), int64(p.get(4)))),
        CopyJobKey(
                List.of("instance_id", "stage_id", "table_id", "copy_id", "group_id"),
                p -> KeyCodec.userKey()
                        .bytes("copy")
                        .bytes(p.get(0))
                        .bytes("job")
                        .bytes(p.get(1))
                        .int64(int64(p.get(2)))
                        .bytes(p.get(3))
                        .int64(int64(p.get(4)))
                        .build()),
        CopyFileKey(
                List.of("instance_id", "stage_id", "table_id", "obj_key", "obj_etag"),
                p -> KeyCodec.userKey()
                        .bytes("copy")
                        .bytes(p.get(0))
                        .bytes("loading_file")
                        .bytes(p.get(1))
                        .int64(int64(p.get(2)))
                        .bytes(p.get(3))
                        .bytes(p.get(4))
                        .build()),
        RecycleStageKey(
                List.of("instance_id", "stage_id"),
                p -> KeyCodec.userKey()
                        .bytes("recycle")
                        .bytes(p.get(0))
                        .bytes("stage")
                        .bytes(p.get(1))
                        .build()),
        // the reference builds this one with its "check" infix
        JobRecycleKey(
                List.of("instance_id"),
                p -> KeyCodec.userKey()
                        .bytes("job")
                        .bytes(p.get(0))
                        .bytes("check")
                        .build()),
        MetaSchemaKey(
                List.of("instance_id", "index_id", "schema_version"),
                p -> KeyCodec.userKey()
                        .bytes("meta")
                        .bytes(p.get(0))
                        .bytes("schema")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .build()),
        // "rowest_id" is the reference's spelling of the parameter
        MetaDeleteBitmap(
                List.of("instance_id", "tablet_id", "rowest_id", "version", "seg_id"),
                p -> KeyCodec.userKey()
                        .bytes("meta")
                        .bytes(p.get(0))
                        .bytes("delete_bitmap")
                        .int64(int64(p.get(1)))
                        .bytes(p.get(2))
                        .int64(int64(p.get(3)))
                        .int64(int64(p.get(4)))
                        .build()),
        MetaDeleteBitmapUpdateLock(
                List.of("instance_id", "table_id", "partition_id"),
                p -> KeyCodec.userKey()
                        .bytes("meta")
                        .bytes(p.get(0))
                        .bytes("delete_bitmap_lock")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .build()),
        MetaPendingDeleteBitmap(
                List.of("instance_id", "tablet_id"),
                p -> KeyCodec.userKey()
                        .bytes("meta")
                        .bytes(p.get(0))
                        .bytes("delete_bitmap_pending")
                        .int64(int64(p.get(1)))
                        .build()),
        RLJobProgressKey(
                List.of("instance_id", "db_id", "job_id"),
                p -> KeyCodec.userKey()
                        .bytes("job")
                        .bytes(p.get(0))
                        .bytes("routine_load_progress")
                        .int64(int64(p.get(1)))
                        .int64(int64(p.get(2)))
                        .build()),
        StorageVaultKey(List.of("instance_id", "vault_id"), p -> storageVault(p.get(0), p.get(1))),
        MetaServiceRegistryKey(List.of(), p -> system("registry")),
        MetaServiceArnInfoKey(List.of(), p -> system("arn_info")),
        MetaServiceEncryptionKey(List.of(), p -> system("encryption_key_info"));

        private final List<String> parameters;
        private final Function<List<String>, byte[]> encoder;

        KeyType(List<String> parameters, Function<List<String>, byte[]> encoder) {
            this.parameters = parameters;
            this.encoder = encoder;
        }

        List<String> parameters() {
            return parameters;
        }

        byte[] encode(List<String> values) {
            if (values.size() != parameters.size()) {
                throw new IllegalArgumentException("expected " + parameters.size() + " values for " + name());
            }
            return encoder.apply(values);
        }

        static Optional<KeyType> named(String name) {
            for (KeyType type : values()) {
                if (type.name().equals(name)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * C's {@code strtoll(text, nullptr, 10)}: optional blanks and sign, then digits up to the
     * first non-digit; no digits gives 0 and overflow saturates.
     */
    static long int64(String text) {
        int i = 0;
        while (i < text.length() && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        boolean overflow = false;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            int digit = text.charAt(i) - '0';
            if (!overflow) {
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 + digit;
                }
            }
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
