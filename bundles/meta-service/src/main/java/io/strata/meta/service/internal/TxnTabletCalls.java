package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.Support.isEmpty;
import static io.strata.meta.service.internal.Support.text;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Transactions and tablets, enough for the debugging calls to act on real records: begin_txn,
 * commit_txn, create_tablets, start_tablet_job and update_tablet_stats (Strata's own calls, with
 * the reference's message shapes), and the reference's abort_txn, abort_tablet_job and
 * get_tablet_stats. Records live under the reference's keys in {@link KvStore}.
 */
final class TxnTabletCalls {
    private final Support support;
    private final KvStore kv;

    TxnTabletCalls(Support support, KvStore kv) {
        this.support = requireNonNull(support, "support is null");
        this.kv = requireNonNull(kv, "kv is null");
    }

    private String instanceOf(String cloudUniqueId, String suffix) {
        String instanceId = support.resolveInstanceId(cloudUniqueId);
        if (instanceId.isEmpty()) {
            throw MetaServiceException.invalid("cannot find instance_id with cloud_unique_id="
                    + (isEmpty(cloudUniqueId) ? "(empty)" : cloudUniqueId) + suffix);
        }
        return instanceId;
    }

    // ------------------------------------------------------------------------------ transactions

    Proto.BeginTxnResponse beginTxn(Proto.BeginTxnRequest request) {
        String instanceId = instanceOf(request.cloudUniqueId(), "");
        Proto.TxnInfo info = request.txnInfo();
        if (info == null || info.dbId() == null || info.dbId() <= 0 || isEmpty(info.label())) {
            throw MetaServiceException.invalid("invalid argument, missing txn info, db_id or label");
        }
        long txnId = kv.next("txn_id");
        long now = support.nowMillis();
        long dbId = info.dbId();
        String label = info.label();
        kv.transact(changes -> {
            byte[] labelKey = Keys.txnLabel(instanceId, dbId, label);
            Optional<KvStore.Versioned<Proto.TxnLabel>> existing = kv.get(labelKey, Proto.TxnLabel.class);
            List<Long> txnIds = new ArrayList<>();
            if (existing.isPresent()) {
                for (Long previous : existing.get().value().txnIds()) {
                    Optional<KvStore.Versioned<Proto.TxnInfo>> previousInfo =
                            kv.get(Keys.txnInfo(instanceId, dbId, previous), Proto.TxnInfo.class);
                    if (previousInfo.isPresent()
                            && previousInfo.get().value().status() != Proto.TxnStatus.TXN_STATUS_ABORTED) {
                        throw new MetaServiceException(
                                MetaServiceCode.TXN_LABEL_ALREADY_USED,
                                "Label [" + label + "] has already been used, relate to txn [" + previous + "]");
                    }
                }
                txnIds.addAll(existing.get().value().txnIds());
            }
            txnIds.add(txnId);
            Proto.TxnInfo stored = info.withTxnId(txnId)
                    .withStatus(Proto.TxnStatus.TXN_STATUS_PREPARED)
                    .withPrepareTime(now);
            long timeout = info.timeoutMs() == null ? 0 : info.timeoutMs();
            changes.put(labelKey, new Proto.TxnLabel(txnIds), existing)
                    .create(Keys.txnInfo(instanceId, dbId, txnId), stored)
                    .create(
                            Keys.txnIndex(instanceId, txnId),
                            new Proto.TxnIndex(Proto.TabletIndex.empty().withDbId(dbId)))
                    .create(
                            Keys.txnRunning(instanceId, dbId, txnId),
                            new Proto.TxnRunning(info.tableIds(), now + timeout));
            return null;
        });
        return new Proto.BeginTxnResponse(new Proto.ResponseStatus(MetaServiceCode.OK, ""), txnId, null, null);
    }

    Proto.CommitTxnResponse commitTxn(Proto.CommitTxnRequest request) {
        String instanceId = instanceOf(request.cloudUniqueId(), "");
        if (request.txnId() == null || request.txnId() <= 0) {
            throw MetaServiceException.invalid("invalid argument, missing txn id");
        }
        long txnId = request.txnId();
        Proto.TxnInfo committed = kv.transact(changes -> {
            long dbId = dbIdOf(instanceId, txnId);
            byte[] infoKey = Keys.txnInfo(instanceId, dbId, txnId);
            KvStore.Versioned<Proto.TxnInfo> info =
                    kv.get(infoKey, Proto.TxnInfo.class).orElseThrow(() -> txnNotFound(txnId));
            switch (status(info.value())) {
                case TXN_STATUS_ABORTED ->
                    throw new MetaServiceException(
                            MetaServiceCode.TXN_ALREADY_ABORTED,
                            "transaction is already aborted: db_id=" + dbId + " txn_id=" + txnId);
                case TXN_STATUS_VISIBLE ->
                    throw new MetaServiceException(
                            MetaServiceCode.TXN_ALREADY_VISIBLE,
                            "transaction is already visible: db_id=" + dbId + " txn_id=" + txnId);
                case TXN_STATUS_UNKNOWN, TXN_STATUS_PREPARED, TXN_STATUS_COMMITTED, TXN_STATUS_PRECOMMITTED -> {}
            }
            long now = support.nowMillis();
            Proto.TxnInfo updated = info.value()
                    .withStatus(Proto.TxnStatus.TXN_STATUS_VISIBLE)
                    .withCommitTime(now)
                    .withFinishTime(now);
            changes.update(infoKey, updated, info.version());
            deleteRunning(changes, instanceId, dbId, txnId);
            return updated;
        });
        return new Proto.CommitTxnResponse(new Proto.ResponseStatus(MetaServiceCode.OK, ""), committed);
    }

    /** abort_txn by txn_id, or by db_id and label. */
    void abortTxn(Proto.AbortTxnRequest request) {
        long dbId = request.dbId() == null ? -1 : request.dbId();
        long txnId = request.txnId() == null ? -1 : request.txnId();
        String label = text(request.label());
        if (request.txnId() == null && (request.label() == null || request.dbId() == null)) {
            throw MetaServiceException.invalid(
                    "invalid txn id and label, db_id=" + dbId + " txn_id=" + txnId + " label=" + label);
        }
        String instanceId = instanceOf(request.cloudUniqueId(), " label=" + label + " txn_id=" + txnId);
        String reason = text(request.reason());
        kv.transact(changes -> {
            long targetTxn = txnId;
            long targetDb = dbId;
            if (request.txnId() != null) {
                targetDb = dbIdOf(instanceId, targetTxn);
            } else {
                KvStore.Versioned<Proto.TxnLabel> labelRecord = kv.get(
                                Keys.txnLabel(instanceId, dbId, label), Proto.TxnLabel.class)
                        .orElseThrow(() -> new MetaServiceException(
                                MetaServiceCode.TXN_LABEL_NOT_FOUND,
                                "label not found, db_id=" + dbId + " label=" + label + " err=KeyNotFound"));
                targetTxn = -1;
                for (Long candidate : labelRecord.value().txnIds()) {
                    Optional<KvStore.Versioned<Proto.TxnInfo>> info =
                            kv.get(Keys.txnInfo(instanceId, dbId, candidate), Proto.TxnInfo.class);
                    if (info.isPresent()
                            && (status(info.get().value()) == Proto.TxnStatus.TXN_STATUS_PREPARED
                                    || status(info.get().value()) == Proto.TxnStatus.TXN_STATUS_PRECOMMITTED)) {
                        targetTxn = candidate;
                    }
                }
                if (targetTxn < 0) {
                    throw new MetaServiceException(
                            MetaServiceCode.TXN_INVALID_STATUS,
                            "running transaction not found, db_id=" + dbId + " label=" + label);
                }
            }
            long foundTxn = targetTxn;
            byte[] infoKey = Keys.txnInfo(instanceId, targetDb, foundTxn);
            KvStore.Versioned<Proto.TxnInfo> info =
                    kv.get(infoKey, Proto.TxnInfo.class).orElseThrow(() -> txnNotFound(foundTxn));
            switch (status(info.value())) {
                case TXN_STATUS_ABORTED ->
                    throw new MetaServiceException(
                            MetaServiceCode.TXN_ALREADY_ABORTED,
                            "transaction [" + foundTxn + "] is already aborted, db_id=" + targetDb);
                case TXN_STATUS_VISIBLE ->
                    throw new MetaServiceException(
                            MetaServiceCode.TXN_ALREADY_VISIBLE,
                            "transaction [" + foundTxn + "] is already VISIBLE, db_id=" + targetDb);
                case TXN_STATUS_UNKNOWN, TXN_STATUS_PREPARED, TXN_STATUS_COMMITTED, TXN_STATUS_PRECOMMITTED -> {}
            }
            Proto.TxnInfo aborted = info.value()
                    .withStatus(Proto.TxnStatus.TXN_STATUS_ABORTED)
                    .withReason(reason)
                    .withFinishTime(support.nowMillis());
            changes.update(infoKey, aborted, info.version());
            deleteRunning(changes, instanceId, targetDb, foundTxn);
            return null;
        });
    }

    private long dbIdOf(String instanceId, long txnId) {
        KvStore.Versioned<Proto.TxnIndex> index =
                kv.get(Keys.txnIndex(instanceId, txnId), Proto.TxnIndex.class).orElseThrow(() -> txnNotFound(txnId));
        Proto.TabletIndex tabletIndex = index.value().tabletIndex();
        if (tabletIndex == null || tabletIndex.dbId() == null) {
            throw txnNotFound(txnId);
        }
        return tabletIndex.dbId();
    }

    private void deleteRunning(KvStore.Changes changes, String instanceId, long dbId, long txnId) {
        byte[] runningKey = Keys.txnRunning(instanceId, dbId, txnId);
        kv.get(runningKey, Proto.TxnRunning.class).ifPresent(running -> changes.delete(runningKey, running.version()));
    }

    private static Proto.TxnStatus status(Proto.TxnInfo info) {
        return info.status() == null ? Proto.TxnStatus.TXN_STATUS_UNKNOWN : info.status();
    }

    private static MetaServiceException txnNotFound(long txnId) {
        return new MetaServiceException(MetaServiceCode.TXN_ID_NOT_FOUND, "transaction [" + txnId + "] not found");
    }

    // ----------------------------------------------------------------------------------- tablets

    /** create_tablets: tablet meta, tablet index and zeroed stats per tablet; existing tablets are left alone. */
    void createTablets(Proto.CreateTabletsRequest request) {
        String instanceId = instanceOf(request.cloudUniqueId(), "");
        if (request.tabletMetas().isEmpty()) {
            throw MetaServiceException.invalid("no tablet meta");
        }
        for (Proto.TabletMeta meta : request.tabletMetas()) {
            if (meta.tabletId() == null
                    || meta.tabletId() <= 0
                    || meta.tableId() == null
                    || meta.indexId() == null
                    || meta.partitionId() == null) {
                throw MetaServiceException.invalid(
                        "invalid tablet meta, table_id, index_id, partition_id and tablet_id are required: "
                                + ProtoJson.compact(meta));
            }
        }
        kv.transact(changes -> {
            for (Proto.TabletMeta meta : request.tabletMetas()) {
                byte[] indexKey = Keys.metaTabletIndex(instanceId, meta.tabletId());
                if (kv.get(indexKey, Proto.TabletIndex.class).isPresent()) {
                    continue;
                }
                Proto.TabletIndex index = new Proto.TabletIndex(
                        request.dbId(), meta.tableId(), meta.indexId(), meta.partitionId(), meta.tabletId());
                changes.create(
                                Keys.metaTablet(
                                        instanceId,
                                        meta.tableId(),
                                        meta.indexId(),
                                        meta.partitionId(),
                                        meta.tabletId()),
                                meta)
                        .create(indexKey, index)
                        .create(
                                statsKey(instanceId, index),
                                Proto.TabletStats.empty()
                                        .withIdx(index.withDbId(null))
                                        .withDataSize(0L)
                                        .withNumRows(0L)
                                        .withNumRowsets(1L)
                                        .withNumSegments(0L)
                                        .withBaseCompactionCnt(0L)
                                        .withCumulativeCompactionCnt(0L)
                                        .withCumulativePoint(2L));
            }
            return null;
        });
    }

    private static byte[] statsKey(String instanceId, Proto.TabletIndex index) {
        return Keys.statsTablet(instanceId, index.tableId(), index.indexId(), index.partitionId(), index.tabletId());
    }

    private static byte[] jobKey(String instanceId, Proto.TabletIndex index) {
        return Keys.jobTablet(instanceId, index.tableId(), index.indexId(), index.partitionId(), index.tabletId());
    }

    private Proto.TabletIndex tabletIndex(String instanceId, long tabletId) {
        byte[] key = Keys.metaTabletIndex(instanceId, tabletId);
        return kv.get(key, Proto.TabletIndex.class)
                .map(KvStore.Versioned::value)
                .orElseThrow(() -> new MetaServiceException(
                        MetaServiceCode.TABLET_NOT_FOUND,
                        "failed to get tablet_idx, err=KeyNotFound tablet_id=" + tabletId + " key="
                                + KeyCodec.hex(key)));
    }

    /** update_tablet_stats: sets the given counters of each tablet's stats. */
    void updateTabletStats(Proto.UpdateTabletStatsRequest request) {
        String instanceId = instanceOf(request.cloudUniqueId(), "");
        kv.transact(changes -> {
            for (Proto.TabletStats given : request.tabletStats()) {
                if (given.idx() == null || given.idx().tabletId() == null) {
                    throw MetaServiceException.invalid("no valid tablet_id given");
                }
                Proto.TabletIndex index = tabletIndex(instanceId, given.idx().tabletId());
                byte[] key = statsKey(instanceId, index);
                Optional<KvStore.Versioned<Proto.TabletStats>> current = kv.get(key, Proto.TabletStats.class);
                Proto.TabletStats stats = current.map(KvStore.Versioned::value)
                        .orElse(Proto.TabletStats.empty().withIdx(index.withDbId(null)));
                changes.put(key, merge(stats, given), current);
            }
            return null;
        });
    }

    private static Proto.TabletStats merge(Proto.TabletStats stats, Proto.TabletStats given) {
        Proto.TabletStats merged = stats;
        merged = given.dataSize() == null ? merged : merged.withDataSize(given.dataSize());
        merged = given.numRows() == null ? merged : merged.withNumRows(given.numRows());
        merged = given.numRowsets() == null ? merged : merged.withNumRowsets(given.numRowsets());
        merged = given.numSegments() == null ? merged : merged.withNumSegments(given.numSegments());
        merged = given.baseCompactionCnt() == null ? merged : merged.withBaseCompactionCnt(given.baseCompactionCnt());
        merged = given.cumulativeCompactionCnt() == null
                ? merged
                : merged.withCumulativeCompactionCnt(given.cumulativeCompactionCnt());
        merged = given.cumulativePoint() == null ? merged : merged.withCumulativePoint(given.cumulativePoint());
        merged = given.lastBaseCompactionTimeMs() == null
                ? merged
                : merged.withLastBaseCompactionTimeMs(given.lastBaseCompactionTimeMs());
        merged = given.lastCumuCompactionTimeMs() == null
                ? merged
                : merged.withLastCumuCompactionTimeMs(given.lastCumuCompactionTimeMs());
        merged = given.fullCompactionCnt() == null ? merged : merged.withFullCompactionCnt(given.fullCompactionCnt());
        merged = given.lastFullCompactionTimeMs() == null
                ? merged
                : merged.withLastFullCompactionTimeMs(given.lastFullCompactionTimeMs());
        merged = given.indexSize() == null ? merged : merged.withIndexSize(given.indexSize());
        merged = given.segmentSize() == null ? merged : merged.withSegmentSize(given.segmentSize());
        return merged;
    }

    /** get_tablet_stats: the stats of each tablet asked for, by tablet id. */
    Proto.GetTabletStatsResponse getTabletStats(Proto.GetTabletStatsRequest request) {
        String instanceId = support.resolveInstanceId(request.cloudUniqueId());
        if (instanceId.isEmpty()) {
            throw MetaServiceException.invalid("empty instance_id");
        }
        List<Proto.TabletStats> result = new ArrayList<>();
        for (Proto.TabletIndex asked : request.tabletIdx()) {
            Proto.TabletIndex index = asked;
            if (asked.tableId() == null || asked.indexId() == null || asked.partitionId() == null) {
                if (asked.tabletId() == null) {
                    throw MetaServiceException.invalid("no valid tablet_id given");
                }
                index = tabletIndex(instanceId, asked.tabletId());
            }
            byte[] key = statsKey(instanceId, index);
            Proto.TabletStats stats = kv.get(key, Proto.TabletStats.class)
                    .map(KvStore.Versioned::value)
                    .orElseThrow(() -> new MetaServiceException(
                            MetaServiceCode.TABLET_NOT_FOUND,
                            "failed to get tablet stats, err=KeyNotFound tablet_id=" + asked.tabletId() + " key="
                                    + KeyCodec.hex(key)));
            result.add(stats.withIdx(asked));
        }
        return new Proto.GetTabletStatsResponse(new Proto.ResponseStatus(MetaServiceCode.OK, ""), result);
    }

    /** start_tablet_job: registers compaction (or schema change) jobs on a tablet. */
    void startTabletJob(Proto.StartTabletJobRequest request) {
        String instanceId = instanceOf(request.cloudUniqueId(), "");
        Proto.TabletJobInfo job = request.job();
        if (job == null || (job.compaction().isEmpty() && job.schemaChange() == null)) {
            throw MetaServiceException.invalid("no valid job specified");
        }
        if (job.idx() == null || job.idx().tabletId() == null || job.idx().tabletId() <= 0) {
            throw MetaServiceException.invalid("no valid tablet_id given");
        }
        Proto.TabletIndex index = tabletIndex(instanceId, job.idx().tabletId());
        long now = support.now();
        kv.transact(changes -> {
            byte[] key = jobKey(instanceId, index);
            Optional<KvStore.Versioned<Proto.TabletJobInfo>> current = kv.get(key, Proto.TabletJobInfo.class);
            Proto.TabletJobInfo record = current.map(KvStore.Versioned::value)
                    .orElse(new Proto.TabletJobInfo(index.withDbId(null), List.of(), null));
            List<Proto.TabletCompactionJob> compactions = new ArrayList<>(record.compaction());
            for (Proto.TabletCompactionJob compaction : job.compaction()) {
                if (isEmpty(compaction.id())) {
                    throw MetaServiceException.invalid("no job id specified");
                }
                compactions.removeIf(existing -> compaction.id().equals(existing.id()));
                compactions.add(compaction
                        .withCtime(compaction.ctime() == null ? now : compaction.ctime())
                        .withMtime(now));
            }
            Proto.TabletJobInfo updated = record.withCompaction(compactions);
            if (job.schemaChange() != null) {
                if (record.schemaChange() != null) {
                    throw new MetaServiceException(
                            MetaServiceCode.JOB_TABLET_BUSY,
                            "there is a schema change job on the tablet, tablet_id=" + index.tabletId());
                }
                updated = updated.withSchemaChange(job.schemaChange());
            }
            changes.put(key, updated, current);
            return null;
        });
    }

    /** abort_tablet_job: removes the named compaction jobs (or the schema change) of a tablet. */
    void abortTabletJob(Proto.FinishTabletJobRequest request) {
        String instanceId = instanceOf(request.cloudUniqueId(), "");
        Proto.TabletJobInfo job = request.job();
        if (job == null || (job.compaction().isEmpty() && job.schemaChange() == null)) {
            throw MetaServiceException.invalid("no valid job specified");
        }
        if (job.idx() == null || job.idx().tabletId() == null || job.idx().tabletId() <= 0) {
            throw MetaServiceException.invalid("no valid tablet_id given");
        }
        long tabletId = job.idx().tabletId();
        Proto.TabletIndex index = tabletIndex(instanceId, tabletId);
        kv.transact(changes -> {
            byte[] key = jobKey(instanceId, index);
            KvStore.Versioned<Proto.TabletJobInfo> current = kv.get(key, Proto.TabletJobInfo.class)
                    .orElseThrow(() -> MetaServiceException.invalid("job not found, instance_id=" + instanceId
                            + " tablet_id=" + tabletId + " job=" + KeyCodec.hex(key) + " err=KeyNotFound"));
            List<Proto.TabletCompactionJob> compactions =
                    new ArrayList<>(current.value().compaction());
            for (Proto.TabletCompactionJob compaction : job.compaction()) {
                boolean removed =
                        compactions.removeIf(existing -> text(existing.id()).equals(text(compaction.id())));
                if (!removed) {
                    throw MetaServiceException.invalid("there is no running compaction, tablet_id=" + tabletId
                            + " job_id=" + text(compaction.id()));
                }
            }
            Proto.TabletJobInfo updated = current.value().withCompaction(compactions);
            if (job.schemaChange() != null) {
                if (current.value().schemaChange() == null) {
                    throw MetaServiceException.invalid("there is no running schema_change, tablet_id=" + tabletId);
                }
                updated = updated.withSchemaChange(null);
            }
            changes.update(key, updated, current.version());
            return null;
        });
    }

    /** The stored value of a key in the txn/tablet space, for get_value. */
    Optional<byte[]> raw(byte[] key) {
        return kv.raw(key);
    }
}
