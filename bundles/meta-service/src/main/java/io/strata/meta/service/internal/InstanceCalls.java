package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.Support.isEmpty;
import static io.strata.meta.service.internal.Support.isTrue;
import static io.strata.meta.service.internal.Support.text;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** create_instance, get_instance and the alter_instance family (drop, rename, SSE, status). */
final class InstanceCalls {
    static final String BUILT_IN_STORAGE_VAULT_NAME = "built_in_storage_vault";

    private final Support support;
    private final StorageCalls storage;

    InstanceCalls(Support support, StorageCalls storage) {
        this.support = requireNonNull(support, "support is null");
        this.storage = requireNonNull(storage, "storage is null");
    }

    void createInstance(Proto.CreateInstanceRequest request) {
        Proto.RamUser ramUser = request.ramUser();
        if (ramUser != null && (isEmpty(ramUser.userId()) || isEmpty(ramUser.ak()) || isEmpty(ramUser.sk()))) {
            throw MetaServiceException.invalid("ram user info err, please check it");
        }
        Proto.Instance instance = Proto.Instance.empty()
                .withInstanceId(text(request.instanceId()))
                .withUserId(text(request.userId()))
                .withName(text(request.name()))
                .withStatus(Proto.InstanceStatus.NORMAL)
                .withSseEnabled(isTrue(request.sseEnabled()))
                .withEnableStorageVault(request.objInfo() == null);
        if (request.objInfo() != null) {
            Proto.ObjectStoreInfo obj = StorageCalls.checkedNewObjectInfo(request.objInfo());
            long now = support.now();
            instance = instance.withObjInfo(List.of(obj.withId(StorageCalls.nextResourceId(instance))
                    .withCtime(now)
                    .withMtime(now)
                    .withSseEnabled(isTrue(request.sseEnabled()))));
        }
        if (ramUser != null) {
            instance = instance.withRamUser(ramUser);
        }
        if (instance.instanceId().isEmpty()) {
            throw MetaServiceException.invalid("instance id not set");
        }
        InstanceDocument document = InstanceDocument.of(instance);
        if (request.vault() != null) {
            document = storage.addVault(document, request.vault().withName(BUILT_IN_STORAGE_VAULT_NAME));
        }
        if (!support.store().create(document)) {
            throw new MetaServiceException(
                    MetaServiceCode.ALREADY_EXISTED,
                    "instance already existed, instance_id=" + instance.instanceId() + ", err=Ok");
        }
    }

    /**
     * get_instance: by {@code instance_id}, else by {@code cloud_unique_id}. The instance with its
     * keys in clear and the iam_user of the configuration.
     */
    Proto.Instance getInstance(String instanceId, String cloudUniqueId) {
        String id = text(instanceId);
        if (id.isEmpty()) {
            if (isEmpty(cloudUniqueId)) {
                throw MetaServiceException.invalid("empty instance_id and cloud_unique_id");
            }
            id = support.resolveInstanceId(cloudUniqueId);
            if (id.isEmpty()) {
                throw MetaServiceException.invalid("cannot find instance_id with cloud_unique_id=" + cloudUniqueId);
            }
        }
        String found = id;
        Proto.Instance instance = support.store()
                .read(id)
                .orElseThrow(() -> Support.instanceNotFoundForRead(found))
                .document()
                .instance();
        MetaServiceSettings settings = support.settings();
        return instance.withIamUser(
                new Proto.RamUser(settings.arnId(), settings.arnAk(), settings.arnSk(), instance.instanceId(), null));
    }

    /** The alter_instance family; {@code op} comes from the path, or from the body for set_instance_status. */
    void alterInstance(Proto.AlterInstanceRequest request, Proto.InstanceOp op) {
        Proto.InstanceOp effective = op == null ? Proto.InstanceOp.UNKNOWN : op;
        switch (effective) {
            case DROP, RENAME, ENABLE_SSE, DISABLE_SSE, SET_OVERDUE, SET_NORMAL -> {}
            // the reference re-reads the instance into its caches; ours follow ZooKeeper by themselves
            case REFRESH -> {
                return;
            }
            case UNKNOWN, SET_SNAPSHOT_PROPERTY ->
                throw MetaServiceException.invalid("invalid request op, op=" + effective.number());
        }
        String instanceId = text(request.instanceId());
        if (instanceId.isEmpty()) {
            throw MetaServiceException.invalid("instance id not set");
        }
        support.store()
                .update(
                        instanceId,
                        document -> document.withInstance(alter(document.instance(), request, effective)),
                        () -> new MetaServiceException(
                                MetaServiceCode.CLUSTER_NOT_FOUND,
                                "instance not existed, instance_id=" + instanceId + ", err=KeyNotFound"));
    }

    private Proto.Instance alter(Proto.Instance instance, Proto.AlterInstanceRequest request, Proto.InstanceOp op) {
        String id = text(request.instanceId());
        long now = support.now();
        return switch (op) {
            case DROP -> {
                if (!instance.clusters().isEmpty()) {
                    throw MetaServiceException.invalid("failed to drop instance, instance has clusters");
                }
                yield instance.withStatus(Proto.InstanceStatus.DELETED).withMtime(now);
            }
            case RENAME -> {
                if (isEmpty(request.name())) {
                    throw MetaServiceException.invalid("rename instance name, but not set");
                }
                yield instance.withName(request.name());
            }
            case ENABLE_SSE -> {
                if (isTrue(instance.sseEnabled())) {
                    throw MetaServiceException.invalid("failed to enable sse, instance has enabled sse");
                }
                yield withSse(instance, true).withMtime(now);
            }
            case DISABLE_SSE -> {
                if (!isTrue(instance.sseEnabled())) {
                    throw MetaServiceException.invalid("failed to disable sse, instance has disabled sse");
                }
                yield withSse(instance, false).withMtime(now);
            }
            case SET_OVERDUE -> {
                if (instance.status() == Proto.InstanceStatus.DELETED) {
                    throw MetaServiceException.invalid("can't set deleted instance to overdue, instance_id = " + id);
                }
                if (instance.status() == Proto.InstanceStatus.OVERDUE) {
                    throw MetaServiceException.invalid(
                            "the instance has already set  instance to overdue, instance_id = " + id);
                }
                yield instance.withStatus(Proto.InstanceStatus.OVERDUE).withMtime(now);
            }
            case SET_NORMAL -> {
                if (instance.status() == Proto.InstanceStatus.DELETED) {
                    throw MetaServiceException.invalid("can't set deleted instance to normal, instance_id = " + id);
                }
                if (instance.status() == null || instance.status() == Proto.InstanceStatus.NORMAL) {
                    throw MetaServiceException.invalid("the instance is already normal, instance_id = " + id);
                }
                yield instance.withStatus(Proto.InstanceStatus.NORMAL).withMtime(now);
            }
            case UNKNOWN, REFRESH, SET_SNAPSHOT_PROPERTY ->
                throw MetaServiceException.invalid("invalid request op, op=" + op.number());
        };
    }

    private static Proto.Instance withSse(Proto.Instance instance, boolean enabled) {
        return instance.withSseEnabled(enabled)
                .withObjInfo(instance.objInfo().stream()
                        .map(obj -> obj.withSseEnabled(enabled))
                        .toList());
    }
}
