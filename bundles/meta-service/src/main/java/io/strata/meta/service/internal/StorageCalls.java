package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.Support.isEmpty;
import static io.strata.meta.service.internal.Support.isTrue;
import static io.strata.meta.service.internal.Support.text;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Object storage and AK/SK: get_obj_store_info (and show_storage_vaults), add_obj_info,
 * legacy_update_ak_sk, alter_obj_info, update_ak_sk and the storage vault calls.
 */
final class StorageCalls {
    private static final int MAX_OBJ_INFO = 10;
    private static final long MAX_OBJ_INFO_BYTES = 1024;

    private final Support support;

    StorageCalls(Support support) {
        this.support = requireNonNull(support, "support is null");
    }

    /** The next resource id: one more than the largest obj_info or vault id. */
    static String nextResourceId(Proto.Instance instance) {
        long max = 0;
        for (Proto.ObjectStoreInfo obj : instance.objInfo()) {
            max = Math.max(max, number(obj.id()));
        }
        for (String id : instance.resourceIds()) {
            max = Math.max(max, number(id));
        }
        return Long.toString(max + 1);
    }

    private static long number(String id) {
        try {
            return id == null ? 0 : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** create_instance's checks of its obj_info: the completed entry (prefix trimmed), or INVALID_ARGUMENT. */
    static Proto.ObjectStoreInfo checkedNewObjectInfo(Proto.ObjectStoreInfo obj) {
        if (!isEmpty(obj.roleArn())) {
            if (obj.credProviderType() != Proto.CredProviderType.INSTANCE_PROFILE
                    || obj.provider() != Proto.Provider.S3
                    || isEmpty(obj.bucket())
                    || isEmpty(obj.endpoint())
                    || isEmpty(obj.region())) {
                throw MetaServiceException.invalid("s3 conf info err with role_arn, please check it");
            }
        } else if (isEmpty(obj.ak())
                || isEmpty(obj.sk())
                || isEmpty(obj.bucket())
                || isEmpty(obj.endpoint())
                || isEmpty(obj.region())
                || obj.provider() == null
                || isEmpty(obj.externalEndpoint())) {
            throw MetaServiceException.invalid("s3 conf info err, please check it");
        }
        return obj.withPrefix(trimPrefix(text(obj.prefix())));
    }

    /** Trims '/', space and tab at both ends: {@code //aa/bb/ } → {@code aa/bb}. */
    static String trimPrefix(String prefix) {
        int start = 0;
        int end = prefix.length();
        while (start < end && "/ \t".indexOf(prefix.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "/ \t".indexOf(prefix.charAt(end - 1)) >= 0) {
            end--;
        }
        return prefix.substring(start, end);
    }

    /** get_obj_store_info and show_storage_vaults: the whole response, keys in clear. */
    Proto.GetObjStoreInfoResponse getObjStoreInfo(Proto.GetObjStoreInfoRequest request) {
        InstanceDocument document = readByCloudUniqueId(request.cloudUniqueId());
        Proto.Instance instance = document.instance();
        return new Proto.GetObjStoreInfoResponse(
                new Proto.ResponseStatus(MetaServiceCode.OK, ""),
                instance.objInfo(),
                document.vaults(),
                instance.defaultStorageVaultId(),
                instance.defaultStorageVaultId() == null ? null : instance.defaultStorageVaultName(),
                isTrue(instance.enableStorageVault()));
    }

    private InstanceDocument readByCloudUniqueId(String cloudUniqueId) {
        String instanceId = instanceIdOf(cloudUniqueId);
        return support.store()
                .read(instanceId)
                .orElseThrow(() -> Support.instanceNotFoundForRead(instanceId))
                .document();
    }

    private String instanceIdOf(String cloudUniqueId) {
        if (isEmpty(cloudUniqueId)) {
            throw MetaServiceException.invalid("cloud unique id not set");
        }
        String instanceId = support.resolveInstanceId(cloudUniqueId);
        if (instanceId.isEmpty()) {
            throw MetaServiceException.invalid("empty instance_id");
        }
        return instanceId;
    }

    /** add_obj_info, legacy_update_ak_sk and alter_obj_info ({@code op} from the path). */
    void alterObjInfo(Proto.AlterObjStoreInfoRequest body, Proto.ObjOp op) {
        Proto.AlterObjStoreInfoRequest request = body.withOp(op);
        Proto.ObjectStoreInfo obj = request.obj() != null
                ? request.obj()
                : request.vault() == null ? null : request.vault().objInfo();
        if (obj == null) {
            throw MetaServiceException.invalid("s3 obj info err " + ProtoJson.compact(request));
        }
        if (ProtoSize.of(obj) > MAX_OBJ_INFO_BYTES) {
            throw MetaServiceException.invalid("s3 obj info greater than 1k " + ProtoJson.compact(request));
        }
        boolean role = !isEmpty(obj.roleArn());
        if (!role && (isEmpty(obj.ak()) || isEmpty(obj.sk()))) {
            throw MetaServiceException.invalid("s3 obj info err " + ProtoJson.compact(request));
        }
        if (role && (!isEmpty(obj.ak()) || !isEmpty(obj.sk()))) {
            throw MetaServiceException.invalid("invaild argument, both set ak/sk and role_arn is not allowed");
        }
        String instanceId = instanceIdOf(request.cloudUniqueId());
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            if (instance.status() == Proto.InstanceStatus.DELETED) {
                                throw new MetaServiceException(
                                        MetaServiceCode.CLUSTER_NOT_FOUND, Support.DELETED_MESSAGE);
                            }
                            return switch (op) {
                                case ADD_OBJ_INFO -> document.withInstance(addObjInfo(instance, obj));
                                case LEGACY_UPDATE_AK_SK, ALTER_OBJ_INFO -> {
                                    Proto.Instance updated = updateObjInfo(instance, obj);
                                    yield updated == instance ? document : document.withInstance(updated);
                                }
                                default -> throw MetaServiceException.invalid("invalid request op, op=" + op.number());
                            };
                        },
                        () -> Support.instanceNotFoundForRead(instanceId));
    }

    private Proto.Instance addObjInfo(Proto.Instance instance, Proto.ObjectStoreInfo obj) {
        if (isTrue(instance.enableStorageVault())) {
            throw MetaServiceException.invalid("Storage vault doesn't support add obj info");
        }
        if (obj.provider() == null) {
            throw MetaServiceException.invalid("s3 conf lease provider info");
        }
        if (instance.objInfo().size() >= MAX_OBJ_INFO) {
            throw new MetaServiceException(
                    MetaServiceCode.UNDEFINED_ERR,
                    "this instance history has greater than 10 objs, please new another instance");
        }
        boolean role = !isEmpty(obj.roleArn());
        if (isEmpty(obj.bucket())
                || isEmpty(obj.endpoint())
                || isEmpty(obj.region())
                || isEmpty(obj.prefix())
                || (!role && (isEmpty(obj.ak()) || isEmpty(obj.sk())))) {
            throw MetaServiceException.invalid("s3 conf info err, please check it");
        }
        for (Proto.ObjectStoreInfo existing : instance.objInfo()) {
            if (Objects.equals(existing.bucket(), obj.bucket())
                    && Objects.equals(existing.prefix(), obj.prefix())
                    && Objects.equals(existing.endpoint(), obj.endpoint())
                    && Objects.equals(existing.region(), obj.region())
                    && Objects.equals(existing.ak(), obj.ak())
                    && Objects.equals(existing.sk(), obj.sk())
                    && existing.provider() == obj.provider()
                    && Objects.equals(text(existing.externalEndpoint()), text(obj.externalEndpoint()))) {
                throw MetaServiceException.invalid("original obj infos has a same conf, please check it");
            }
        }
        long now = support.now();
        Proto.ObjectStoreInfo added = Proto.ObjectStoreInfo.empty()
                .withCtime(now)
                .withMtime(now)
                .withId(nextResourceId(instance))
                .withAk(obj.ak())
                .withSk(obj.sk())
                .withBucket(obj.bucket())
                .withPrefix(obj.prefix())
                .withEndpoint(obj.endpoint())
                .withRegion(obj.region())
                .withProvider(obj.provider())
                .withExternalEndpoint(text(obj.externalEndpoint()))
                .withUserId(obj.userId())
                .withSseEnabled(isTrue(instance.sseEnabled()))
                .withUsePathStyle(obj.usePathStyle())
                .withCredProviderType(obj.credProviderType())
                .withRoleArn(obj.roleArn())
                .withExternalId(obj.externalId());
        List<Proto.ObjectStoreInfo> objects = new ArrayList<>(instance.objInfo());
        objects.add(added);
        return instance.withObjInfo(objects);
    }

    private Proto.Instance updateObjInfo(Proto.Instance instance, Proto.ObjectStoreInfo obj) {
        long id = Keys.int64(isEmpty(obj.id()) ? "0" : obj.id());
        if (id < 1 || id > instance.objInfo().size()) {
            throw MetaServiceException.invalid("id invalid, please check it");
        }
        List<Proto.ObjectStoreInfo> objects = new ArrayList<>(instance.objInfo());
        int position = (int) id - 1;
        Proto.ObjectStoreInfo current = objects.get(position);
        if (Objects.equals(current.ak(), obj.ak())
                && Objects.equals(current.sk(), obj.sk())
                && Objects.equals(current.roleArn(), obj.roleArn())) {
            // "ak/sk not changed": the reference answers OK and writes nothing
            return instance;
        }
        Proto.ObjectStoreInfo updated =
                current.withAk(obj.ak()).withSk(obj.sk()).withMtime(support.now());
        if (!isEmpty(obj.roleArn())) {
            updated = updated.withRoleArn(obj.roleArn())
                    .withExternalId(obj.externalId())
                    .withCredProviderType(obj.credProviderType());
        }
        objects.set(position, updated);
        return instance.withObjInfo(objects);
    }

    /** update_ak_sk: rotate the RAM user's and the internal bucket users' keys. */
    void updateAkSk(Proto.UpdateAkSkRequest request) {
        String instanceId = text(request.instanceId());
        if (instanceId.isEmpty()) {
            throw MetaServiceException.invalid("instance id not set");
        }
        if (request.ramUser() == null && request.internalBucketUser().isEmpty()) {
            throw MetaServiceException.invalid("nothing to update");
        }
        Proto.RamUser ramUser = request.ramUser();
        if (ramUser != null && (isEmpty(ramUser.userId()) || isEmpty(ramUser.ak()) || isEmpty(ramUser.sk()))) {
            throw MetaServiceException.invalid("ram user info err " + ProtoJson.compact(request));
        }
        for (Proto.RamUser user : request.internalBucketUser()) {
            if (isEmpty(user.userId()) || isEmpty(user.ak()) || isEmpty(user.sk())) {
                throw MetaServiceException.invalid("s3 bucket info err " + ProtoJson.compact(user));
            }
        }
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            if (instance.status() == Proto.InstanceStatus.DELETED) {
                                throw new MetaServiceException(
                                        MetaServiceCode.CLUSTER_NOT_FOUND, Support.DELETED_MESSAGE);
                            }
                            long now = support.now();
                            if (ramUser != null) {
                                Proto.RamUser current = instance.ramUser();
                                if (current == null) {
                                    throw MetaServiceException.invalid("instance doesn't have ram user info");
                                }
                                if (!Objects.equals(current.userId(), ramUser.userId())) {
                                    throw MetaServiceException.invalid("ram user_id err");
                                }
                                if (Objects.equals(current.ak(), ramUser.ak())
                                        && Objects.equals(current.sk(), ramUser.sk())) {
                                    throw MetaServiceException.invalid("ak sk eq original, please check it");
                                }
                                instance = instance.withRamUser(
                                        current.withAk(ramUser.ak()).withSk(ramUser.sk()));
                            }
                            if (!request.internalBucketUser().isEmpty()) {
                                instance = instance.withObjInfo(rotateBucketUsers(instance.objInfo(), request, now));
                            }
                            return document.withInstance(instance);
                        },
                        () -> Support.instanceNotFoundForRead(instanceId));
    }

    private static List<Proto.ObjectStoreInfo> rotateBucketUsers(
            List<Proto.ObjectStoreInfo> objects, Proto.UpdateAkSkRequest request, long now) {
        List<Proto.RamUser> users = request.internalBucketUser();
        List<Proto.ObjectStoreInfo> updated = new ArrayList<>(objects);
        boolean found = false;
        for (int i = 0; i < updated.size(); i++) {
            Proto.ObjectStoreInfo obj = updated.get(i);
            Proto.RamUser user;
            if (isEmpty(obj.userId())) {
                // a legacy entry without user_id takes the one user given, and only then
                if (users.size() != 1) {
                    throw MetaServiceException.invalid(
                            "fail to update old instance's obj_info, s3 obj info err " + ProtoJson.compact(request));
                }
                user = users.get(0);
            } else {
                user = users.stream()
                        .filter(candidate -> obj.userId().equals(candidate.userId()))
                        .findFirst()
                        .orElse(null);
            }
            if (user == null) {
                continue;
            }
            if (Objects.equals(obj.ak(), user.ak()) && Objects.equals(obj.sk(), user.sk())) {
                throw MetaServiceException.invalid("ak sk eq original, please check it");
            }
            updated.set(
                    i,
                    obj.withUserId(user.userId())
                            .withAk(user.ak())
                            .withSk(user.sk())
                            .withMtime(now));
            found = true;
        }
        if (!found) {
            throw MetaServiceException.invalid("fail to find the alter obj info");
        }
        return updated;
    }

    /** Adds a storage vault (HDFS or object storage) to a document, as create_instance and the add_*_vault calls do. */
    InstanceDocument addVault(InstanceDocument document, Proto.StorageVault vault) {
        Proto.Instance instance = document.instance();
        if (instance.storageVaultNames().contains(text(vault.name()))) {
            throw new MetaServiceException(
                    MetaServiceCode.ALREADY_EXISTED, "vault_name=" + text(vault.name()) + " already created");
        }
        Proto.StorageVault added;
        if (vault.hdfsInfo() != null) {
            Proto.HdfsVaultInfo hdfs = vault.hdfsInfo();
            String prefix = text(hdfs.prefix());
            if (prefix.contains("://")) {
                throw MetaServiceException.invalid("invalid prefix: " + prefix);
            }
            Proto.HdfsBuildConf build = hdfs.buildConf() == null ? Proto.HdfsBuildConf.empty() : hdfs.buildConf();
            String fsName = text(build.fsName()).strip();
            if (fsName.isEmpty()) {
                throw MetaServiceException.invalid("invalid fs_name: " + text(build.fsName()));
            }
            added = vault.withHdfsInfo(hdfs.withPrefix(hdfs.prefix() == null ? null : prefix.strip())
                            .withBuildConf(build.withFsName(fsName)))
                    .withId(nextResourceId(instance));
        } else if (vault.objInfo() != null) {
            Proto.ObjectStoreInfo obj = checkedNewObjectInfo(vault.objInfo());
            long now = support.now();
            String id = nextResourceId(instance);
            added = vault.withObjInfo(
                            obj.withId(id).withCtime(now).withMtime(now).withSseEnabled(true))
                    .withId(id);
        } else {
            throw MetaServiceException.invalid("vault_name=" + text(vault.name()) + " passed invalid argument");
        }
        List<String> ids = new ArrayList<>(instance.resourceIds());
        ids.add(added.id());
        List<String> names = new ArrayList<>(instance.storageVaultNames());
        names.add(text(added.name()));
        List<Proto.StorageVault> vaults = new ArrayList<>(document.vaults());
        vaults.add(added);
        return new InstanceDocument(instance.withResourceIds(ids).withStorageVaultNames(names), vaults);
    }

    /** add_s3_vault, add_hdfs_vault, drop_s3_vault, drop_hdfs_vault, alter_s3_vault. */
    void alterVault(Proto.AlterObjStoreInfoRequest body, Proto.ObjOp op) {
        Proto.AlterObjStoreInfoRequest request = body.withOp(op);
        Proto.StorageVault vault = request.vault();
        switch (op) {
            case ADD_HDFS_INFO, DROP_HDFS_INFO -> {
                if (vault == null || vault.name() == null) {
                    throw MetaServiceException.invalid("hdfs info is not found " + ProtoJson.compact(request));
                }
            }
            case ADD_S3_VAULT, DROP_S3_VAULT, ALTER_S3_VAULT -> {
                if (vault == null
                        || vault.name() == null
                        || (op != Proto.ObjOp.DROP_S3_VAULT && vault.objInfo() == null)) {
                    throw MetaServiceException.invalid("s3 obj info err " + ProtoJson.compact(request));
                }
            }
            default -> throw MetaServiceException.invalid("invalid request op, op=" + op.number());
        }
        String instanceId = instanceIdOf(request.cloudUniqueId());
        support.store()
                .update(
                        instanceId,
                        document -> {
                            if (document.instance().status() == Proto.InstanceStatus.DELETED) {
                                throw new MetaServiceException(
                                        MetaServiceCode.CLUSTER_NOT_FOUND, Support.DELETED_MESSAGE);
                            }
                            return switch (op) {
                                case ADD_HDFS_INFO -> addVault(document, vault.withObjInfo(null));
                                case ADD_S3_VAULT -> addVault(document, vault.withHdfsInfo(null));
                                case DROP_HDFS_INFO, DROP_S3_VAULT -> dropVault(document, vault.name());
                                case ALTER_S3_VAULT -> alterS3Vault(document, vault);
                                default -> throw MetaServiceException.invalid("invalid request op, op=" + op.number());
                            };
                        },
                        () -> Support.instanceNotFoundForRead(instanceId));
    }

    private static InstanceDocument dropVault(InstanceDocument document, String name) {
        Proto.Instance instance = document.instance();
        int position = instance.storageVaultNames().indexOf(name);
        if (position < 0) {
            throw new MetaServiceException(
                    MetaServiceCode.STORAGE_VAULT_NOT_FOUND, "vault_name=" + name + " not found");
        }
        String id = instance.resourceIds().get(position);
        List<String> ids = new ArrayList<>(instance.resourceIds());
        ids.remove(position);
        List<String> names = new ArrayList<>(instance.storageVaultNames());
        names.remove(position);
        List<Proto.StorageVault> vaults = document.vaults().stream()
                .filter(vault -> !id.equals(vault.id()))
                .toList();
        Proto.Instance updated = instance.withResourceIds(ids).withStorageVaultNames(names);
        if (id.equals(instance.defaultStorageVaultId())) {
            updated = updated.withDefaultStorageVaultId(null).withDefaultStorageVaultName(null);
        }
        return new InstanceDocument(updated, vaults);
    }

    private InstanceDocument alterS3Vault(InstanceDocument document, Proto.StorageVault change) {
        Proto.Instance instance = document.instance();
        int position = instance.storageVaultNames().indexOf(change.name());
        if (position < 0) {
            throw new MetaServiceException(
                    MetaServiceCode.STORAGE_VAULT_NOT_FOUND, "vault_name=" + change.name() + " not found");
        }
        String id = instance.resourceIds().get(position);
        Optional<Proto.StorageVault> current = document.vaults().stream()
                .filter(vault -> id.equals(vault.id()))
                .findFirst();
        if (current.isEmpty() || current.get().objInfo() == null) {
            throw MetaServiceException.invalid("vault_name=" + change.name() + " is not an s3 vault");
        }
        Proto.ObjectStoreInfo obj = current.get().objInfo();
        Proto.ObjectStoreInfo requested = change.objInfo();
        if (!isEmpty(requested.ak()) || !isEmpty(requested.sk())) {
            if (isEmpty(requested.ak()) || isEmpty(requested.sk())) {
                throw MetaServiceException.invalid("Accesskey and secret key must be alter together");
            }
            if (Objects.equals(obj.ak(), requested.ak()) && Objects.equals(obj.sk(), requested.sk())) {
                throw MetaServiceException.invalid("ak sk eq original, please check it");
            }
            obj = obj.withAk(requested.ak()).withSk(requested.sk());
        }
        Proto.StorageVault altered = current.get().withObjInfo(obj.withMtime(support.now()));
        List<String> names = new ArrayList<>(instance.storageVaultNames());
        if (!isEmpty(change.alterName())) {
            if (names.contains(change.alterName())) {
                throw new MetaServiceException(
                        MetaServiceCode.ALREADY_EXISTED, "vault_name=" + change.alterName() + " already existed");
            }
            names.set(position, change.alterName());
            altered = altered.withName(change.alterName());
        }
        Proto.StorageVault result = altered;
        List<Proto.StorageVault> vaults = document.vaults().stream()
                .map(vault -> id.equals(vault.id()) ? result : vault)
                .toList();
        Proto.Instance updated = instance.withStorageVaultNames(names);
        if (id.equals(instance.defaultStorageVaultId()) && !isEmpty(change.alterName())) {
            updated = updated.withDefaultStorageVaultName(change.alterName());
        }
        return new InstanceDocument(updated, vaults);
    }
}
