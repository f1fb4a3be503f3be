package io.strata.meta.service.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's protobuf messages (cloud.proto, proto2) as records, named and ordered as there:
 * JSON names are the proto field names, components follow the field numbers, an unset field is
 * {@code null} (a repeated or map field is empty) and is left out of the JSON, int64 fields are
 * written as strings. They are the shapes of the request bodies, of the {@code result} members and
 * of the records kept in ZooKeeper. Generated from the proto definitions; the withers return a
 * copy with one field changed.
 */
final class Proto {
    private Proto() {}

    /** A protobuf enum: its value number, for bodies that send numbers instead of names. */
    interface ProtoEnum {
        int number();
    }

    /** Reads a protobuf-JSON enum value: its name or its number; anything else leaves the field unset. */
    static <E extends Enum<E> & ProtoEnum> E parseEnum(Class<E> type, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (node.isTextual()
                    ? constant.name().equals(node.textValue())
                    : node.isIntegralNumber() && constant.number() == node.asInt()) {
                return constant;
            }
        }
        return null;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    static Map<String, String> map(Map<String, String> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    enum InstanceStatus implements ProtoEnum {
        NORMAL(0),
        DELETED(1),
        OVERDUE(2);

        private final int number;

        InstanceStatus(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static InstanceStatus fromJson(JsonNode node) {
            return parseEnum(InstanceStatus.class, node);
        }
    }

    enum ClusterType implements ProtoEnum {
        SQL(0),
        COMPUTE(1),
        VIRTUAL(2);

        private final int number;

        ClusterType(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static ClusterType fromJson(JsonNode node) {
            return parseEnum(ClusterType.class, node);
        }
    }

    enum ClusterStatus implements ProtoEnum {
        UNKNOWN(0),
        NORMAL(1),
        SUSPENDED(2),
        TO_RESUME(3),
        MANUAL_SHUTDOWN(4);

        private final int number;

        ClusterStatus(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static ClusterStatus fromJson(JsonNode node) {
            return parseEnum(ClusterStatus.class, node);
        }
    }

    enum NodeType implements ProtoEnum {
        UNKNOWN(0),
        FE_MASTER(1),
        FE_OBSERVER(2),
        FE_FOLLOWER(3);

        private final int number;

        NodeType(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static NodeType fromJson(JsonNode node) {
            return parseEnum(NodeType.class, node);
        }
    }

    enum NodeStatus implements ProtoEnum {
        NODE_STATUS_UNKNOWN(0),
        NODE_STATUS_RUNNING(1),
        NODE_STATUS_SHUTDOWN(2),
        NODE_STATUS_DECOMMISSIONING(3),
        NODE_STATUS_DECOMMISSIONED(4);

        private final int number;

        NodeStatus(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static NodeStatus fromJson(JsonNode node) {
            return parseEnum(NodeStatus.class, node);
        }
    }

    enum Provider implements ProtoEnum {
        UNKONWN(-1),
        OSS(0),
        S3(1),
        COS(2),
        OBS(3),
        BOS(4),
        GCP(5),
        AZURE(6),
        TOS(7);

        private final int number;

        Provider(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static Provider fromJson(JsonNode node) {
            return parseEnum(Provider.class, node);
        }
    }

    enum CredProviderType implements ProtoEnum {
        DEFAULT(1),
        SIMPLE(2),
        INSTANCE_PROFILE(3);

        private final int number;

        CredProviderType(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static CredProviderType fromJson(JsonNode node) {
            return parseEnum(CredProviderType.class, node);
        }
    }

    enum PolicyType implements ProtoEnum {
        ActiveStandby(0);

        private final int number;

        PolicyType(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static PolicyType fromJson(JsonNode node) {
            return parseEnum(PolicyType.class, node);
        }
    }

    enum InstanceOp implements ProtoEnum {
        UNKNOWN(0),
        DROP(1),
        REFRESH(2),
        RENAME(3),
        ENABLE_SSE(4),
        DISABLE_SSE(5),
        SET_OVERDUE(6),
        SET_NORMAL(7),
        SET_SNAPSHOT_PROPERTY(8);

        private final int number;

        InstanceOp(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static InstanceOp fromJson(JsonNode node) {
            return parseEnum(InstanceOp.class, node);
        }
    }

    enum ClusterOp implements ProtoEnum {
        UNKNOWN(0),
        ADD_CLUSTER(1),
        DROP_CLUSTER(2),
        ADD_NODE(3),
        DROP_NODE(4),
        RENAME_CLUSTER(5),
        UPDATE_CLUSTER_MYSQL_USER_NAME(6),
        DECOMMISSION_NODE(7),
        NOTIFY_DECOMMISSIONED(8),
        UPDATE_CLUSTER_ENDPOINT(9),
        SET_CLUSTER_STATUS(10),
        ALTER_VCLUSTER_INFO(11),
        ALTER_PROPERTIES(12);

        private final int number;

        ClusterOp(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static ClusterOp fromJson(JsonNode node) {
            return parseEnum(ClusterOp.class, node);
        }
    }

    enum ObjOp implements ProtoEnum {
        UNKNOWN(0),
        UPDATE_AK_SK(1),
        ADD_OBJ_INFO(2),
        LEGACY_UPDATE_AK_SK(3),
        ALTER_OBJ_INFO(4),
        ADD_HDFS_INFO(100),
        DROP_HDFS_INFO(101),
        ADD_BUILT_IN_VAULT(102),
        ADD_S3_VAULT(103),
        DROP_S3_VAULT(104),
        ALTER_S3_VAULT(105),
        ALTER_HDFS_VAULT(106),
        SET_DEFAULT_VAULT(200),
        UNSET_DEFAULT_VAULT(201);

        private final int number;

        ObjOp(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static ObjOp fromJson(JsonNode node) {
            return parseEnum(ObjOp.class, node);
        }
    }

    enum TxnStatus implements ProtoEnum {
        TXN_STATUS_UNKNOWN(0),
        TXN_STATUS_PREPARED(1),
        TXN_STATUS_COMMITTED(2),
        TXN_STATUS_VISIBLE(3),
        TXN_STATUS_ABORTED(4),
        TXN_STATUS_PRECOMMITTED(5);

        private final int number;

        TxnStatus(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static TxnStatus fromJson(JsonNode node) {
            return parseEnum(TxnStatus.class, node);
        }
    }

    enum CompactionType implements ProtoEnum {
        UNKOWN(0),
        BASE(1),
        CUMULATIVE(2),
        EMPTY_CUMULATIVE(3),
        FULL(4),
        STOP_TOKEN(5);

        private final int number;

        CompactionType(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static CompactionType fromJson(JsonNode node) {
            return parseEnum(CompactionType.class, node);
        }
    }

    enum JobAction implements ProtoEnum {
        UNKONWN(0),
        COMMIT(1),
        ABORT(2),
        LEASE(3);

        private final int number;

        JobAction(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @JsonCreator
        static JobAction fromJson(JsonNode node) {
            return parseEnum(JobAction.class, node);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"encryption_method", "key_id"})
    record EncryptionInfo(
            @JsonProperty("encryption_method") String encryptionMethod,

            @JsonProperty("key_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long keyId) {
        static EncryptionInfo empty() {
            return new EncryptionInfo(null, null);
        }

        EncryptionInfo withEncryptionMethod(String value) {
            return new EncryptionInfo(value, keyId);
        }

        EncryptionInfo withKeyId(Long value) {
            return new EncryptionInfo(encryptionMethod, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"user_id", "ak", "sk", "external_id", "encryption_info"})
    record RamUser(
            @JsonProperty("user_id") String userId,
            @JsonProperty("ak") String ak,
            @JsonProperty("sk") String sk,
            @JsonProperty("external_id") String externalId,
            @JsonProperty("encryption_info") EncryptionInfo encryptionInfo) {
        static RamUser empty() {
            return new RamUser(null, null, null, null, null);
        }

        RamUser withUserId(String value) {
            return new RamUser(value, ak, sk, externalId, encryptionInfo);
        }

        RamUser withAk(String value) {
            return new RamUser(userId, value, sk, externalId, encryptionInfo);
        }

        RamUser withSk(String value) {
            return new RamUser(userId, ak, value, externalId, encryptionInfo);
        }

        RamUser withExternalId(String value) {
            return new RamUser(userId, ak, sk, value, encryptionInfo);
        }

        RamUser withEncryptionInfo(EncryptionInfo value) {
            return new RamUser(userId, ak, sk, externalId, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "cloud_unique_id",
        "name",
        "ip",
        "vpc_name",
        "ctime",
        "mtime",
        "status",
        "heartbeat_port",
        "desc",
        "edit_log_port",
        "node_type",
        "is_smooth_upgrade",
        "host",
        "public_endpoint",
        "private_endpoint"
    })
    record NodeInfo(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("name") String name,
            @JsonProperty("ip") String ip,
            @JsonProperty("vpc_name") String vpcName,

            @JsonProperty("ctime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long ctime,

            @JsonProperty("mtime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long mtime,

            @JsonProperty("status") NodeStatus status,
            @JsonProperty("heartbeat_port") Integer heartbeatPort,
            @JsonProperty("desc") String desc,
            @JsonProperty("edit_log_port") Integer editLogPort,
            @JsonProperty("node_type") NodeType nodeType,
            @JsonProperty("is_smooth_upgrade") Boolean isSmoothUpgrade,
            @JsonProperty("host") String host,
            @JsonProperty("public_endpoint") String publicEndpoint,
            @JsonProperty("private_endpoint") String privateEndpoint) {
        static NodeInfo empty() {
            return new NodeInfo(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        NodeInfo withCloudUniqueId(String value) {
            return new NodeInfo(
                    value,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withName(String value) {
            return new NodeInfo(
                    cloudUniqueId,
                    value,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withIp(String value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    value,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withVpcName(String value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    value,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withCtime(Long value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    value,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withMtime(Long value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    value,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withStatus(NodeStatus value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    value,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withHeartbeatPort(Integer value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    value,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withDesc(String value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    value,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withEditLogPort(Integer value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    value,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withNodeType(NodeType value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    value,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withIsSmoothUpgrade(Boolean value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    value,
                    host,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withHost(String value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    value,
                    publicEndpoint,
                    privateEndpoint);
        }

        NodeInfo withPublicEndpoint(String value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    value,
                    privateEndpoint);
        }

        NodeInfo withPrivateEndpoint(String value) {
            return new NodeInfo(
                    cloudUniqueId,
                    name,
                    ip,
                    vpcName,
                    ctime,
                    mtime,
                    status,
                    heartbeatPort,
                    desc,
                    editLogPort,
                    nodeType,
                    isSmoothUpgrade,
                    host,
                    publicEndpoint,
                    value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "type",
        "active_cluster_name",
        "standby_cluster_names",
        "failover_failure_threshold",
        "unhealthy_node_threshold_percent",
        "cache_warmup_jobids"
    })
    record ClusterPolicy(
            @JsonProperty("type") PolicyType type,
            @JsonProperty("active_cluster_name") String activeClusterName,

            @JsonProperty("standby_cluster_names") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> standbyClusterNames,

            @JsonProperty("failover_failure_threshold") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long failoverFailureThreshold,

            @JsonProperty("unhealthy_node_threshold_percent") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long unhealthyNodeThresholdPercent,

            @JsonProperty("cache_warmup_jobids") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> cacheWarmupJobids) {
        ClusterPolicy {
            standbyClusterNames = list(standbyClusterNames);
            cacheWarmupJobids = list(cacheWarmupJobids);
        }

        static ClusterPolicy empty() {
            return new ClusterPolicy(null, null, null, null, null, null);
        }

        ClusterPolicy withType(PolicyType value) {
            return new ClusterPolicy(
                    value,
                    activeClusterName,
                    standbyClusterNames,
                    failoverFailureThreshold,
                    unhealthyNodeThresholdPercent,
                    cacheWarmupJobids);
        }

        ClusterPolicy withActiveClusterName(String value) {
            return new ClusterPolicy(
                    type,
                    value,
                    standbyClusterNames,
                    failoverFailureThreshold,
                    unhealthyNodeThresholdPercent,
                    cacheWarmupJobids);
        }

        ClusterPolicy withStandbyClusterNames(List<String> value) {
            return new ClusterPolicy(
                    type,
                    activeClusterName,
                    value,
                    failoverFailureThreshold,
                    unhealthyNodeThresholdPercent,
                    cacheWarmupJobids);
        }

        ClusterPolicy withFailoverFailureThreshold(Long value) {
            return new ClusterPolicy(
                    type,
                    activeClusterName,
                    standbyClusterNames,
                    value,
                    unhealthyNodeThresholdPercent,
                    cacheWarmupJobids);
        }

        ClusterPolicy withUnhealthyNodeThresholdPercent(Long value) {
            return new ClusterPolicy(
                    type, activeClusterName, standbyClusterNames, failoverFailureThreshold, value, cacheWarmupJobids);
        }

        ClusterPolicy withCacheWarmupJobids(List<String> value) {
            return new ClusterPolicy(
                    type,
                    activeClusterName,
                    standbyClusterNames,
                    failoverFailureThreshold,
                    unhealthyNodeThresholdPercent,
                    value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "cluster_id",
        "cluster_name",
        "type",
        "desc",
        "nodes",
        "mysql_user_name",
        "public_endpoint",
        "private_endpoint",
        "cluster_status",
        "ctime",
        "mtime",
        "cluster_names",
        "cluster_policy",
        "properties"
    })
    record Cluster(
            @JsonProperty("cluster_id") String clusterId,
            @JsonProperty("cluster_name") String clusterName,
            @JsonProperty("type") ClusterType type,
            @JsonProperty("desc") String desc,

            @JsonProperty("nodes") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<NodeInfo> nodes,

            @JsonProperty("mysql_user_name") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> mysqlUserName,

            @JsonProperty("public_endpoint") String publicEndpoint,
            @JsonProperty("private_endpoint") String privateEndpoint,
            @JsonProperty("cluster_status") ClusterStatus clusterStatus,

            @JsonProperty("ctime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long ctime,

            @JsonProperty("mtime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long mtime,

            @JsonProperty("cluster_names") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> clusterNames,

            @JsonProperty("cluster_policy") ClusterPolicy clusterPolicy,

            @JsonProperty("properties") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            Map<String, String> properties) {
        Cluster {
            nodes = list(nodes);
            mysqlUserName = list(mysqlUserName);
            clusterNames = list(clusterNames);
            properties = map(properties);
        }

        static Cluster empty() {
            return new Cluster(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        Cluster withClusterId(String value) {
            return new Cluster(
                    value,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withClusterName(String value) {
            return new Cluster(
                    clusterId,
                    value,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withType(ClusterType value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    value,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withDesc(String value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    value,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withNodes(List<NodeInfo> value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    value,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withMysqlUserName(List<String> value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    value,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withPublicEndpoint(String value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    value,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withPrivateEndpoint(String value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    value,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withClusterStatus(ClusterStatus value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    value,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withCtime(Long value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    value,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withMtime(Long value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    value,
                    clusterNames,
                    clusterPolicy,
                    properties);
        }

        Cluster withClusterNames(List<String> value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    value,
                    clusterPolicy,
                    properties);
        }

        Cluster withClusterPolicy(ClusterPolicy value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    value,
                    properties);
        }

        Cluster withProperties(Map<String, String> value) {
            return new Cluster(
                    clusterId,
                    clusterName,
                    type,
                    desc,
                    nodes,
                    mysqlUserName,
                    publicEndpoint,
                    privateEndpoint,
                    clusterStatus,
                    ctime,
                    mtime,
                    clusterNames,
                    clusterPolicy,
                    value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "ctime",
        "mtime",
        "id",
        "ak",
        "sk",
        "bucket",
        "prefix",
        "endpoint",
        "region",
        "provider",
        "external_endpoint",
        "user_id",
        "encryption_info",
        "sse_enabled",
        "use_path_style",
        "cred_provider_type",
        "role_arn",
        "external_id"
    })
    record ObjectStoreInfo(
            @JsonProperty("ctime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long ctime,

            @JsonProperty("mtime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long mtime,

            @JsonProperty("id") String id,
            @JsonProperty("ak") String ak,
            @JsonProperty("sk") String sk,
            @JsonProperty("bucket") String bucket,
            @JsonProperty("prefix") String prefix,
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("region") String region,
            @JsonProperty("provider") Provider provider,
            @JsonProperty("external_endpoint") String externalEndpoint,
            @JsonProperty("user_id") String userId,
            @JsonProperty("encryption_info") EncryptionInfo encryptionInfo,
            @JsonProperty("sse_enabled") Boolean sseEnabled,
            @JsonProperty("use_path_style") Boolean usePathStyle,
            @JsonProperty("cred_provider_type") CredProviderType credProviderType,
            @JsonProperty("role_arn") String roleArn,
            @JsonProperty("external_id") String externalId) {
        static ObjectStoreInfo empty() {
            return new ObjectStoreInfo(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }

        ObjectStoreInfo withCtime(Long value) {
            return new ObjectStoreInfo(
                    value,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withMtime(Long value) {
            return new ObjectStoreInfo(
                    ctime,
                    value,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withId(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    value,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withAk(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    value,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withSk(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    value,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withBucket(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    value,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withPrefix(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    value,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withEndpoint(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    value,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withRegion(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    value,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withProvider(Provider value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    value,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withExternalEndpoint(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    value,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withUserId(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    value,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withEncryptionInfo(EncryptionInfo value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    value,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withSseEnabled(Boolean value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    value,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withUsePathStyle(Boolean value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    value,
                    credProviderType,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withCredProviderType(CredProviderType value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    value,
                    roleArn,
                    externalId);
        }

        ObjectStoreInfo withRoleArn(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    value,
                    externalId);
        }

        ObjectStoreInfo withExternalId(String value) {
            return new ObjectStoreInfo(
                    ctime,
                    mtime,
                    id,
                    ak,
                    sk,
                    bucket,
                    prefix,
                    endpoint,
                    region,
                    provider,
                    externalEndpoint,
                    userId,
                    encryptionInfo,
                    sseEnabled,
                    usePathStyle,
                    credProviderType,
                    roleArn,
                    value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"key", "value"})
    record HdfsConf(
            @JsonProperty("key") String key,
            @JsonProperty("value") String value) {
        static HdfsConf empty() {
            return new HdfsConf(null, null);
        }

        HdfsConf withKey(String value) {
            return new HdfsConf(value, value);
        }

        HdfsConf withValue(String value) {
            return new HdfsConf(key, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"fs_name", "user", "hdfs_kerberos_principal", "hdfs_kerberos_keytab", "hdfs_confs"})
    record HdfsBuildConf(
            @JsonProperty("fs_name") String fsName,
            @JsonProperty("user") String user,
            @JsonProperty("hdfs_kerberos_principal") String hdfsKerberosPrincipal,
            @JsonProperty("hdfs_kerberos_keytab") String hdfsKerberosKeytab,

            @JsonProperty("hdfs_confs") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<HdfsConf> hdfsConfs) {
        HdfsBuildConf {
            hdfsConfs = list(hdfsConfs);
        }

        static HdfsBuildConf empty() {
            return new HdfsBuildConf(null, null, null, null, null);
        }

        HdfsBuildConf withFsName(String value) {
            return new HdfsBuildConf(value, user, hdfsKerberosPrincipal, hdfsKerberosKeytab, hdfsConfs);
        }

        HdfsBuildConf withUser(String value) {
            return new HdfsBuildConf(fsName, value, hdfsKerberosPrincipal, hdfsKerberosKeytab, hdfsConfs);
        }

        HdfsBuildConf withHdfsKerberosPrincipal(String value) {
            return new HdfsBuildConf(fsName, user, value, hdfsKerberosKeytab, hdfsConfs);
        }

        HdfsBuildConf withHdfsKerberosKeytab(String value) {
            return new HdfsBuildConf(fsName, user, hdfsKerberosPrincipal, value, hdfsConfs);
        }

        HdfsBuildConf withHdfsConfs(List<HdfsConf> value) {
            return new HdfsBuildConf(fsName, user, hdfsKerberosPrincipal, hdfsKerberosKeytab, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"build_conf", "prefix"})
    record HdfsVaultInfo(
            @JsonProperty("build_conf") HdfsBuildConf buildConf,
            @JsonProperty("prefix") String prefix) {
        static HdfsVaultInfo empty() {
            return new HdfsVaultInfo(null, null);
        }

        HdfsVaultInfo withBuildConf(HdfsBuildConf value) {
            return new HdfsVaultInfo(value, prefix);
        }

        HdfsVaultInfo withPrefix(String value) {
            return new HdfsVaultInfo(buildConf, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path_version", "shard_num"})
    record PathFormat(
            @JsonProperty("path_version") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long pathVersion,

            @JsonProperty("shard_num") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long shardNum) {
        static PathFormat empty() {
            return new PathFormat(null, null);
        }

        PathFormat withPathVersion(Long value) {
            return new PathFormat(value, shardNum);
        }

        PathFormat withShardNum(Long value) {
            return new PathFormat(pathVersion, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "hdfs_info", "obj_info", "path_format", "alter_name"})
    record StorageVault(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("hdfs_info") HdfsVaultInfo hdfsInfo,
            @JsonProperty("obj_info") ObjectStoreInfo objInfo,
            @JsonProperty("path_format") PathFormat pathFormat,
            @JsonProperty("alter_name") String alterName) {
        static StorageVault empty() {
            return new StorageVault(null, null, null, null, null, null);
        }

        StorageVault withId(String value) {
            return new StorageVault(value, name, hdfsInfo, objInfo, pathFormat, alterName);
        }

        StorageVault withName(String value) {
            return new StorageVault(id, value, hdfsInfo, objInfo, pathFormat, alterName);
        }

        StorageVault withHdfsInfo(HdfsVaultInfo value) {
            return new StorageVault(id, name, value, objInfo, pathFormat, alterName);
        }

        StorageVault withObjInfo(ObjectStoreInfo value) {
            return new StorageVault(id, name, hdfsInfo, value, pathFormat, alterName);
        }

        StorageVault withPathFormat(PathFormat value) {
            return new StorageVault(id, name, hdfsInfo, objInfo, value, alterName);
        }

        StorageVault withAlterName(String value) {
            return new StorageVault(id, name, hdfsInfo, objInfo, pathFormat, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "user_id",
        "instance_id",
        "name",
        "lb_ip",
        "ctime",
        "mtime",
        "clusters",
        "obj_info",
        "status",
        "ram_user",
        "iam_user",
        "sse_enabled",
        "resource_ids",
        "storage_vault_names",
        "default_storage_vault_id",
        "default_storage_vault_name",
        "enable_storage_vault"
    })
    record Instance(
            @JsonProperty("user_id") String userId,
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("name") String name,

            @JsonProperty("lb_ip") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> lbIp,

            @JsonProperty("ctime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long ctime,

            @JsonProperty("mtime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long mtime,

            @JsonProperty("clusters") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<Cluster> clusters,

            @JsonProperty("obj_info") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<ObjectStoreInfo> objInfo,

            @JsonProperty("status") InstanceStatus status,
            @JsonProperty("ram_user") RamUser ramUser,
            @JsonProperty("iam_user") RamUser iamUser,
            @JsonProperty("sse_enabled") Boolean sseEnabled,

            @JsonProperty("resource_ids") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> resourceIds,

            @JsonProperty("storage_vault_names") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> storageVaultNames,

            @JsonProperty("default_storage_vault_id") String defaultStorageVaultId,
            @JsonProperty("default_storage_vault_name") String defaultStorageVaultName,
            @JsonProperty("enable_storage_vault") Boolean enableStorageVault) {
        Instance {
            lbIp = list(lbIp);
            clusters = list(clusters);
            objInfo = list(objInfo);
            resourceIds = list(resourceIds);
            storageVaultNames = list(storageVaultNames);
        }

        static Instance empty() {
            return new Instance(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
        }

        Instance withUserId(String value) {
            return new Instance(
                    value,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withInstanceId(String value) {
            return new Instance(
                    userId,
                    value,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withName(String value) {
            return new Instance(
                    userId,
                    instanceId,
                    value,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withLbIp(List<String> value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    value,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withCtime(Long value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    value,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withMtime(Long value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    value,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withClusters(List<Cluster> value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    value,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withObjInfo(List<ObjectStoreInfo> value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    value,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withStatus(InstanceStatus value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    value,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withRamUser(RamUser value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    value,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withIamUser(RamUser value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    value,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withSseEnabled(Boolean value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    value,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withResourceIds(List<String> value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    value,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withStorageVaultNames(List<String> value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    value,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withDefaultStorageVaultId(String value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    value,
                    defaultStorageVaultName,
                    enableStorageVault);
        }

        Instance withDefaultStorageVaultName(String value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    value,
                    enableStorageVault);
        }

        Instance withEnableStorageVault(Boolean value) {
            return new Instance(
                    userId,
                    instanceId,
                    name,
                    lbIp,
                    ctime,
                    mtime,
                    clusters,
                    objInfo,
                    status,
                    ramUser,
                    iamUser,
                    sseEnabled,
                    resourceIds,
                    storageVaultNames,
                    defaultStorageVaultId,
                    defaultStorageVaultName,
                    value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"code", "msg"})
    record ResponseStatus(
            @JsonProperty("code") MetaServiceCode code,
            @JsonProperty("msg") String msg) {
        static ResponseStatus empty() {
            return new ResponseStatus(null, null);
        }

        ResponseStatus withCode(MetaServiceCode value) {
            return new ResponseStatus(value, msg);
        }

        ResponseStatus withMsg(String value) {
            return new ResponseStatus(code, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instance_id", "user_id", "name", "obj_info", "ram_user", "sse_enabled", "vault", "request_ip"})
    record CreateInstanceRequest(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("user_id") String userId,
            @JsonProperty("name") String name,
            @JsonProperty("obj_info") ObjectStoreInfo objInfo,
            @JsonProperty("ram_user") RamUser ramUser,
            @JsonProperty("sse_enabled") Boolean sseEnabled,
            @JsonProperty("vault") StorageVault vault,
            @JsonProperty("request_ip") String requestIp) {
        static CreateInstanceRequest empty() {
            return new CreateInstanceRequest(null, null, null, null, null, null, null, null);
        }

        CreateInstanceRequest withInstanceId(String value) {
            return new CreateInstanceRequest(value, userId, name, objInfo, ramUser, sseEnabled, vault, requestIp);
        }

        CreateInstanceRequest withUserId(String value) {
            return new CreateInstanceRequest(instanceId, value, name, objInfo, ramUser, sseEnabled, vault, requestIp);
        }

        CreateInstanceRequest withName(String value) {
            return new CreateInstanceRequest(instanceId, userId, value, objInfo, ramUser, sseEnabled, vault, requestIp);
        }

        CreateInstanceRequest withObjInfo(ObjectStoreInfo value) {
            return new CreateInstanceRequest(instanceId, userId, name, value, ramUser, sseEnabled, vault, requestIp);
        }

        CreateInstanceRequest withRamUser(RamUser value) {
            return new CreateInstanceRequest(instanceId, userId, name, objInfo, value, sseEnabled, vault, requestIp);
        }

        CreateInstanceRequest withSseEnabled(Boolean value) {
            return new CreateInstanceRequest(instanceId, userId, name, objInfo, ramUser, value, vault, requestIp);
        }

        CreateInstanceRequest withVault(StorageVault value) {
            return new CreateInstanceRequest(instanceId, userId, name, objInfo, ramUser, sseEnabled, value, requestIp);
        }

        CreateInstanceRequest withRequestIp(String value) {
            return new CreateInstanceRequest(instanceId, userId, name, objInfo, ramUser, sseEnabled, vault, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instance_id", "op", "name", "request_ip", "properties"})
    record AlterInstanceRequest(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("op") InstanceOp op,
            @JsonProperty("name") String name,
            @JsonProperty("request_ip") String requestIp,

            @JsonProperty("properties") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            Map<String, String> properties) {
        AlterInstanceRequest {
            properties = map(properties);
        }

        static AlterInstanceRequest empty() {
            return new AlterInstanceRequest(null, null, null, null, null);
        }

        AlterInstanceRequest withInstanceId(String value) {
            return new AlterInstanceRequest(value, op, name, requestIp, properties);
        }

        AlterInstanceRequest withOp(InstanceOp value) {
            return new AlterInstanceRequest(instanceId, value, name, requestIp, properties);
        }

        AlterInstanceRequest withName(String value) {
            return new AlterInstanceRequest(instanceId, op, value, requestIp, properties);
        }

        AlterInstanceRequest withRequestIp(String value) {
            return new AlterInstanceRequest(instanceId, op, name, value, properties);
        }

        AlterInstanceRequest withProperties(Map<String, String> value) {
            return new AlterInstanceRequest(instanceId, op, name, requestIp, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "instance_id",
        "cloud_unique_id",
        "cluster",
        "op",
        "replace_if_existing_empty_target_cluster",
        "request_ip"
    })
    record AlterClusterRequest(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("cluster") Cluster cluster,
            @JsonProperty("op") ClusterOp op,

            @JsonProperty("replace_if_existing_empty_target_cluster")
            Boolean replaceIfExistingEmptyTargetCluster,

            @JsonProperty("request_ip") String requestIp) {
        static AlterClusterRequest empty() {
            return new AlterClusterRequest(null, null, null, null, null, null);
        }

        AlterClusterRequest withInstanceId(String value) {
            return new AlterClusterRequest(
                    value, cloudUniqueId, cluster, op, replaceIfExistingEmptyTargetCluster, requestIp);
        }

        AlterClusterRequest withCloudUniqueId(String value) {
            return new AlterClusterRequest(
                    instanceId, value, cluster, op, replaceIfExistingEmptyTargetCluster, requestIp);
        }

        AlterClusterRequest withCluster(Cluster value) {
            return new AlterClusterRequest(
                    instanceId, cloudUniqueId, value, op, replaceIfExistingEmptyTargetCluster, requestIp);
        }

        AlterClusterRequest withOp(ClusterOp value) {
            return new AlterClusterRequest(
                    instanceId, cloudUniqueId, cluster, value, replaceIfExistingEmptyTargetCluster, requestIp);
        }

        AlterClusterRequest withReplaceIfExistingEmptyTargetCluster(Boolean value) {
            return new AlterClusterRequest(instanceId, cloudUniqueId, cluster, op, value, requestIp);
        }

        AlterClusterRequest withRequestIp(String value) {
            return new AlterClusterRequest(
                    instanceId, cloudUniqueId, cluster, op, replaceIfExistingEmptyTargetCluster, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instance_id", "cloud_unique_id", "cluster_id", "cluster_name", "mysql_user_name", "request_ip"
    })
    record GetClusterRequest(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("cluster_id") String clusterId,
            @JsonProperty("cluster_name") String clusterName,
            @JsonProperty("mysql_user_name") String mysqlUserName,
            @JsonProperty("request_ip") String requestIp) {
        static GetClusterRequest empty() {
            return new GetClusterRequest(null, null, null, null, null, null);
        }

        GetClusterRequest withInstanceId(String value) {
            return new GetClusterRequest(value, cloudUniqueId, clusterId, clusterName, mysqlUserName, requestIp);
        }

        GetClusterRequest withCloudUniqueId(String value) {
            return new GetClusterRequest(instanceId, value, clusterId, clusterName, mysqlUserName, requestIp);
        }

        GetClusterRequest withClusterId(String value) {
            return new GetClusterRequest(instanceId, cloudUniqueId, value, clusterName, mysqlUserName, requestIp);
        }

        GetClusterRequest withClusterName(String value) {
            return new GetClusterRequest(instanceId, cloudUniqueId, clusterId, value, mysqlUserName, requestIp);
        }

        GetClusterRequest withMysqlUserName(String value) {
            return new GetClusterRequest(instanceId, cloudUniqueId, clusterId, clusterName, value, requestIp);
        }

        GetClusterRequest withRequestIp(String value) {
            return new GetClusterRequest(instanceId, cloudUniqueId, clusterId, clusterName, mysqlUserName, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "cluster", "enable_storage_vault"})
    record GetClusterResponse(
            @JsonProperty("status") ResponseStatus status,

            @JsonProperty("cluster") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<Cluster> cluster,

            @JsonProperty("enable_storage_vault") Boolean enableStorageVault) {
        GetClusterResponse {
            cluster = list(cluster);
        }

        static GetClusterResponse empty() {
            return new GetClusterResponse(null, null, null);
        }

        GetClusterResponse withStatus(ResponseStatus value) {
            return new GetClusterResponse(value, cluster, enableStorageVault);
        }

        GetClusterResponse withCluster(List<Cluster> value) {
            return new GetClusterResponse(status, value, enableStorageVault);
        }

        GetClusterResponse withEnableStorageVault(Boolean value) {
            return new GetClusterResponse(status, cluster, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instance_ids", "cloud_unique_ids", "status", "request_ip"})
    record GetClusterStatusRequest(
            @JsonProperty("instance_ids") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> instanceIds,

            @JsonProperty("cloud_unique_ids") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<String> cloudUniqueIds,

            @JsonProperty("status") ClusterStatus status,
            @JsonProperty("request_ip") String requestIp) {
        GetClusterStatusRequest {
            instanceIds = list(instanceIds);
            cloudUniqueIds = list(cloudUniqueIds);
        }

        static GetClusterStatusRequest empty() {
            return new GetClusterStatusRequest(null, null, null, null);
        }

        GetClusterStatusRequest withInstanceIds(List<String> value) {
            return new GetClusterStatusRequest(value, cloudUniqueIds, status, requestIp);
        }

        GetClusterStatusRequest withCloudUniqueIds(List<String> value) {
            return new GetClusterStatusRequest(instanceIds, value, status, requestIp);
        }

        GetClusterStatusRequest withStatus(ClusterStatus value) {
            return new GetClusterStatusRequest(instanceIds, cloudUniqueIds, value, requestIp);
        }

        GetClusterStatusRequest withRequestIp(String value) {
            return new GetClusterStatusRequest(instanceIds, cloudUniqueIds, status, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instance_id", "clusters"})
    record ClusterStatusDetail(
            @JsonProperty("instance_id") String instanceId,

            @JsonProperty("clusters") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<Cluster> clusters) {
        ClusterStatusDetail {
            clusters = list(clusters);
        }

        static ClusterStatusDetail empty() {
            return new ClusterStatusDetail(null, null);
        }

        ClusterStatusDetail withInstanceId(String value) {
            return new ClusterStatusDetail(value, clusters);
        }

        ClusterStatusDetail withClusters(List<Cluster> value) {
            return new ClusterStatusDetail(instanceId, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "details"})
    record GetClusterStatusResponse(
            @JsonProperty("status") ResponseStatus status,

            @JsonProperty("details") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<ClusterStatusDetail> details) {
        GetClusterStatusResponse {
            details = list(details);
        }

        static GetClusterStatusResponse empty() {
            return new GetClusterStatusResponse(null, null);
        }

        GetClusterStatusResponse withStatus(ResponseStatus value) {
            return new GetClusterStatusResponse(value, details);
        }

        GetClusterStatusResponse withDetails(List<ClusterStatusDetail> value) {
            return new GetClusterStatusResponse(status, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "request_ip"})
    record GetObjStoreInfoRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("request_ip") String requestIp) {
        static GetObjStoreInfoRequest empty() {
            return new GetObjStoreInfoRequest(null, null);
        }

        GetObjStoreInfoRequest withCloudUniqueId(String value) {
            return new GetObjStoreInfoRequest(value, requestIp);
        }

        GetObjStoreInfoRequest withRequestIp(String value) {
            return new GetObjStoreInfoRequest(cloudUniqueId, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "status",
        "obj_info",
        "storage_vault",
        "default_storage_vault_id",
        "default_storage_vault_name",
        "enable_storage_vault"
    })
    record GetObjStoreInfoResponse(
            @JsonProperty("status") ResponseStatus status,

            @JsonProperty("obj_info") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<ObjectStoreInfo> objInfo,

            @JsonProperty("storage_vault") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<StorageVault> storageVault,

            @JsonProperty("default_storage_vault_id") String defaultStorageVaultId,
            @JsonProperty("default_storage_vault_name") String defaultStorageVaultName,
            @JsonProperty("enable_storage_vault") Boolean enableStorageVault) {
        GetObjStoreInfoResponse {
            objInfo = list(objInfo);
            storageVault = list(storageVault);
        }

        static GetObjStoreInfoResponse empty() {
            return new GetObjStoreInfoResponse(null, null, null, null, null, null);
        }

        GetObjStoreInfoResponse withStatus(ResponseStatus value) {
            return new GetObjStoreInfoResponse(
                    value, objInfo, storageVault, defaultStorageVaultId, defaultStorageVaultName, enableStorageVault);
        }

        GetObjStoreInfoResponse withObjInfo(List<ObjectStoreInfo> value) {
            return new GetObjStoreInfoResponse(
                    status, value, storageVault, defaultStorageVaultId, defaultStorageVaultName, enableStorageVault);
        }

        GetObjStoreInfoResponse withStorageVault(List<StorageVault> value) {
            return new GetObjStoreInfoResponse(
                    status, objInfo, value, defaultStorageVaultId, defaultStorageVaultName, enableStorageVault);
        }

        GetObjStoreInfoResponse withDefaultStorageVaultId(String value) {
            return new GetObjStoreInfoResponse(
                    status, objInfo, storageVault, value, defaultStorageVaultName, enableStorageVault);
        }

        GetObjStoreInfoResponse withDefaultStorageVaultName(String value) {
            return new GetObjStoreInfoResponse(
                    status, objInfo, storageVault, defaultStorageVaultId, value, enableStorageVault);
        }

        GetObjStoreInfoResponse withEnableStorageVault(Boolean value) {
            return new GetObjStoreInfoResponse(
                    status, objInfo, storageVault, defaultStorageVaultId, defaultStorageVaultName, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "obj", "op", "vault", "set_as_default_storage_vault", "request_ip"})
    record AlterObjStoreInfoRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("obj") ObjectStoreInfo obj,
            @JsonProperty("op") ObjOp op,
            @JsonProperty("vault") StorageVault vault,
            @JsonProperty("set_as_default_storage_vault") Boolean setAsDefaultStorageVault,
            @JsonProperty("request_ip") String requestIp) {
        static AlterObjStoreInfoRequest empty() {
            return new AlterObjStoreInfoRequest(null, null, null, null, null, null);
        }

        AlterObjStoreInfoRequest withCloudUniqueId(String value) {
            return new AlterObjStoreInfoRequest(value, obj, op, vault, setAsDefaultStorageVault, requestIp);
        }

        AlterObjStoreInfoRequest withObj(ObjectStoreInfo value) {
            return new AlterObjStoreInfoRequest(cloudUniqueId, value, op, vault, setAsDefaultStorageVault, requestIp);
        }

        AlterObjStoreInfoRequest withOp(ObjOp value) {
            return new AlterObjStoreInfoRequest(cloudUniqueId, obj, value, vault, setAsDefaultStorageVault, requestIp);
        }

        AlterObjStoreInfoRequest withVault(StorageVault value) {
            return new AlterObjStoreInfoRequest(cloudUniqueId, obj, op, value, setAsDefaultStorageVault, requestIp);
        }

        AlterObjStoreInfoRequest withSetAsDefaultStorageVault(Boolean value) {
            return new AlterObjStoreInfoRequest(cloudUniqueId, obj, op, vault, value, requestIp);
        }

        AlterObjStoreInfoRequest withRequestIp(String value) {
            return new AlterObjStoreInfoRequest(cloudUniqueId, obj, op, vault, setAsDefaultStorageVault, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"instance_id", "internal_bucket_user", "ram_user", "request_ip"})
    record UpdateAkSkRequest(
            @JsonProperty("instance_id") String instanceId,

            @JsonProperty("internal_bucket_user") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<RamUser> internalBucketUser,

            @JsonProperty("ram_user") RamUser ramUser,
            @JsonProperty("request_ip") String requestIp) {
        UpdateAkSkRequest {
            internalBucketUser = list(internalBucketUser);
        }

        static UpdateAkSkRequest empty() {
            return new UpdateAkSkRequest(null, null, null, null);
        }

        UpdateAkSkRequest withInstanceId(String value) {
            return new UpdateAkSkRequest(value, internalBucketUser, ramUser, requestIp);
        }

        UpdateAkSkRequest withInternalBucketUser(List<RamUser> value) {
            return new UpdateAkSkRequest(instanceId, value, ramUser, requestIp);
        }

        UpdateAkSkRequest withRamUser(RamUser value) {
            return new UpdateAkSkRequest(instanceId, internalBucketUser, value, requestIp);
        }

        UpdateAkSkRequest withRequestIp(String value) {
            return new UpdateAkSkRequest(instanceId, internalBucketUser, ramUser, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"db_id", "table_id", "index_id", "partition_id", "tablet_id"})
    record TabletIndex(
            @JsonProperty("db_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long dbId,

            @JsonProperty("table_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long tableId,

            @JsonProperty("index_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long indexId,

            @JsonProperty("partition_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long partitionId,

            @JsonProperty("tablet_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long tabletId) {
        static TabletIndex empty() {
            return new TabletIndex(null, null, null, null, null);
        }

        TabletIndex withDbId(Long value) {
            return new TabletIndex(value, tableId, indexId, partitionId, tabletId);
        }

        TabletIndex withTableId(Long value) {
            return new TabletIndex(dbId, value, indexId, partitionId, tabletId);
        }

        TabletIndex withIndexId(Long value) {
            return new TabletIndex(dbId, tableId, value, partitionId, tabletId);
        }

        TabletIndex withPartitionId(Long value) {
            return new TabletIndex(dbId, tableId, indexId, value, tabletId);
        }

        TabletIndex withTabletId(Long value) {
            return new TabletIndex(dbId, tableId, indexId, partitionId, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "idx",
        "data_size",
        "num_rows",
        "num_rowsets",
        "num_segments",
        "base_compaction_cnt",
        "cumulative_compaction_cnt",
        "cumulative_point",
        "last_base_compaction_time_ms",
        "last_cumu_compaction_time_ms",
        "full_compaction_cnt",
        "last_full_compaction_time_ms",
        "index_size",
        "segment_size"
    })
    record TabletStats(
            @JsonProperty("idx") TabletIndex idx,

            @JsonProperty("data_size") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long dataSize,

            @JsonProperty("num_rows") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long numRows,

            @JsonProperty("num_rowsets") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long numRowsets,

            @JsonProperty("num_segments") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long numSegments,

            @JsonProperty("base_compaction_cnt") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long baseCompactionCnt,

            @JsonProperty("cumulative_compaction_cnt") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long cumulativeCompactionCnt,

            @JsonProperty("cumulative_point") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long cumulativePoint,

            @JsonProperty("last_base_compaction_time_ms") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long lastBaseCompactionTimeMs,

            @JsonProperty("last_cumu_compaction_time_ms") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long lastCumuCompactionTimeMs,

            @JsonProperty("full_compaction_cnt") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long fullCompactionCnt,

            @JsonProperty("last_full_compaction_time_ms") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long lastFullCompactionTimeMs,

            @JsonProperty("index_size") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long indexSize,

            @JsonProperty("segment_size") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long segmentSize) {
        static TabletStats empty() {
            return new TabletStats(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        TabletStats withIdx(TabletIndex value) {
            return new TabletStats(
                    value,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withDataSize(Long value) {
            return new TabletStats(
                    idx,
                    value,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withNumRows(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    value,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withNumRowsets(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    value,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withNumSegments(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    value,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withBaseCompactionCnt(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    value,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withCumulativeCompactionCnt(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    value,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withCumulativePoint(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    value,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withLastBaseCompactionTimeMs(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    value,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withLastCumuCompactionTimeMs(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    value,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withFullCompactionCnt(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    value,
                    lastFullCompactionTimeMs,
                    indexSize,
                    segmentSize);
        }

        TabletStats withLastFullCompactionTimeMs(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    value,
                    indexSize,
                    segmentSize);
        }

        TabletStats withIndexSize(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    value,
                    segmentSize);
        }

        TabletStats withSegmentSize(Long value) {
            return new TabletStats(
                    idx,
                    dataSize,
                    numRows,
                    numRowsets,
                    numSegments,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    cumulativePoint,
                    lastBaseCompactionTimeMs,
                    lastCumuCompactionTimeMs,
                    fullCompactionCnt,
                    lastFullCompactionTimeMs,
                    indexSize,
                    value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "tablet_idx", "request_ip"})
    record GetTabletStatsRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,

            @JsonProperty("tablet_idx") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<TabletIndex> tabletIdx,

            @JsonProperty("request_ip") String requestIp) {
        GetTabletStatsRequest {
            tabletIdx = list(tabletIdx);
        }

        static GetTabletStatsRequest empty() {
            return new GetTabletStatsRequest(null, null, null);
        }

        GetTabletStatsRequest withCloudUniqueId(String value) {
            return new GetTabletStatsRequest(value, tabletIdx, requestIp);
        }

        GetTabletStatsRequest withTabletIdx(List<TabletIndex> value) {
            return new GetTabletStatsRequest(cloudUniqueId, value, requestIp);
        }

        GetTabletStatsRequest withRequestIp(String value) {
            return new GetTabletStatsRequest(cloudUniqueId, tabletIdx, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "tablet_stats"})
    record GetTabletStatsResponse(
            @JsonProperty("status") ResponseStatus status,

            @JsonProperty("tablet_stats") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<TabletStats> tabletStats) {
        GetTabletStatsResponse {
            tabletStats = list(tabletStats);
        }

        static GetTabletStatsResponse empty() {
            return new GetTabletStatsResponse(null, null);
        }

        GetTabletStatsResponse withStatus(ResponseStatus value) {
            return new GetTabletStatsResponse(value, tabletStats);
        }

        GetTabletStatsResponse withTabletStats(List<TabletStats> value) {
            return new GetTabletStatsResponse(status, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "tablet_stats", "request_ip"})
    record UpdateTabletStatsRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,

            @JsonProperty("tablet_stats") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<TabletStats> tabletStats,

            @JsonProperty("request_ip") String requestIp) {
        UpdateTabletStatsRequest {
            tabletStats = list(tabletStats);
        }

        static UpdateTabletStatsRequest empty() {
            return new UpdateTabletStatsRequest(null, null, null);
        }

        UpdateTabletStatsRequest withCloudUniqueId(String value) {
            return new UpdateTabletStatsRequest(value, tabletStats, requestIp);
        }

        UpdateTabletStatsRequest withTabletStats(List<TabletStats> value) {
            return new UpdateTabletStatsRequest(cloudUniqueId, value, requestIp);
        }

        UpdateTabletStatsRequest withRequestIp(String value) {
            return new UpdateTabletStatsRequest(cloudUniqueId, tabletStats, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "db_id",
        "table_ids",
        "txn_id",
        "label",
        "timeout_ms",
        "prepare_time",
        "commit_time",
        "finish_time",
        "reason",
        "status"
    })
    record TxnInfo(
            @JsonProperty("db_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long dbId,

            @JsonProperty("table_ids")
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<Long> tableIds,

            @JsonProperty("txn_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long txnId,

            @JsonProperty("label") String label,

            @JsonProperty("timeout_ms") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long timeoutMs,

            @JsonProperty("prepare_time") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long prepareTime,

            @JsonProperty("commit_time") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long commitTime,

            @JsonProperty("finish_time") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long finishTime,

            @JsonProperty("reason") String reason,
            @JsonProperty("status") TxnStatus status) {
        TxnInfo {
            tableIds = list(tableIds);
        }

        static TxnInfo empty() {
            return new TxnInfo(null, null, null, null, null, null, null, null, null, null);
        }

        TxnInfo withDbId(Long value) {
            return new TxnInfo(
                    value, tableIds, txnId, label, timeoutMs, prepareTime, commitTime, finishTime, reason, status);
        }

        TxnInfo withTableIds(List<Long> value) {
            return new TxnInfo(
                    dbId, value, txnId, label, timeoutMs, prepareTime, commitTime, finishTime, reason, status);
        }

        TxnInfo withTxnId(Long value) {
            return new TxnInfo(
                    dbId, tableIds, value, label, timeoutMs, prepareTime, commitTime, finishTime, reason, status);
        }

        TxnInfo withLabel(String value) {
            return new TxnInfo(
                    dbId, tableIds, txnId, value, timeoutMs, prepareTime, commitTime, finishTime, reason, status);
        }

        TxnInfo withTimeoutMs(Long value) {
            return new TxnInfo(
                    dbId, tableIds, txnId, label, value, prepareTime, commitTime, finishTime, reason, status);
        }

        TxnInfo withPrepareTime(Long value) {
            return new TxnInfo(dbId, tableIds, txnId, label, timeoutMs, value, commitTime, finishTime, reason, status);
        }

        TxnInfo withCommitTime(Long value) {
            return new TxnInfo(dbId, tableIds, txnId, label, timeoutMs, prepareTime, value, finishTime, reason, status);
        }

        TxnInfo withFinishTime(Long value) {
            return new TxnInfo(dbId, tableIds, txnId, label, timeoutMs, prepareTime, commitTime, value, reason, status);
        }

        TxnInfo withReason(String value) {
            return new TxnInfo(
                    dbId, tableIds, txnId, label, timeoutMs, prepareTime, commitTime, finishTime, value, status);
        }

        TxnInfo withStatus(TxnStatus value) {
            return new TxnInfo(
                    dbId, tableIds, txnId, label, timeoutMs, prepareTime, commitTime, finishTime, reason, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"txn_ids"})
    record TxnLabel(
            @JsonProperty("txn_ids")
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<Long> txnIds) {
        TxnLabel {
            txnIds = list(txnIds);
        }

        static TxnLabel empty() {
            return new TxnLabel(null);
        }

        TxnLabel withTxnIds(List<Long> value) {
            return new TxnLabel(value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"tablet_index"})
    record TxnIndex(@JsonProperty("tablet_index") TabletIndex tabletIndex) {
        static TxnIndex empty() {
            return new TxnIndex(null);
        }

        TxnIndex withTabletIndex(TabletIndex value) {
            return new TxnIndex(value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"table_ids", "timeout_time"})
    record TxnRunning(
            @JsonProperty("table_ids")
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<Long> tableIds,

            @JsonProperty("timeout_time") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long timeoutTime) {
        TxnRunning {
            tableIds = list(tableIds);
        }

        static TxnRunning empty() {
            return new TxnRunning(null, null);
        }

        TxnRunning withTableIds(List<Long> value) {
            return new TxnRunning(value, timeoutTime);
        }

        TxnRunning withTimeoutTime(Long value) {
            return new TxnRunning(tableIds, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "txn_info", "request_ip"})
    record BeginTxnRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("txn_info") TxnInfo txnInfo,
            @JsonProperty("request_ip") String requestIp) {
        static BeginTxnRequest empty() {
            return new BeginTxnRequest(null, null, null);
        }

        BeginTxnRequest withCloudUniqueId(String value) {
            return new BeginTxnRequest(value, txnInfo, requestIp);
        }

        BeginTxnRequest withTxnInfo(TxnInfo value) {
            return new BeginTxnRequest(cloudUniqueId, value, requestIp);
        }

        BeginTxnRequest withRequestIp(String value) {
            return new BeginTxnRequest(cloudUniqueId, txnInfo, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "txn_id", "dup_txn_id", "txn_status"})
    record BeginTxnResponse(
            @JsonProperty("status") ResponseStatus status,

            @JsonProperty("txn_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long txnId,

            @JsonProperty("dup_txn_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long dupTxnId,

            @JsonProperty("txn_status") TxnStatus txnStatus) {
        static BeginTxnResponse empty() {
            return new BeginTxnResponse(null, null, null, null);
        }

        BeginTxnResponse withStatus(ResponseStatus value) {
            return new BeginTxnResponse(value, txnId, dupTxnId, txnStatus);
        }

        BeginTxnResponse withTxnId(Long value) {
            return new BeginTxnResponse(status, value, dupTxnId, txnStatus);
        }

        BeginTxnResponse withDupTxnId(Long value) {
            return new BeginTxnResponse(status, txnId, value, txnStatus);
        }

        BeginTxnResponse withTxnStatus(TxnStatus value) {
            return new BeginTxnResponse(status, txnId, dupTxnId, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "db_id", "txn_id", "request_ip"})
    record CommitTxnRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,

            @JsonProperty("db_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long dbId,

            @JsonProperty("txn_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long txnId,

            @JsonProperty("request_ip") String requestIp) {
        static CommitTxnRequest empty() {
            return new CommitTxnRequest(null, null, null, null);
        }

        CommitTxnRequest withCloudUniqueId(String value) {
            return new CommitTxnRequest(value, dbId, txnId, requestIp);
        }

        CommitTxnRequest withDbId(Long value) {
            return new CommitTxnRequest(cloudUniqueId, value, txnId, requestIp);
        }

        CommitTxnRequest withTxnId(Long value) {
            return new CommitTxnRequest(cloudUniqueId, dbId, value, requestIp);
        }

        CommitTxnRequest withRequestIp(String value) {
            return new CommitTxnRequest(cloudUniqueId, dbId, txnId, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "txn_info"})
    record CommitTxnResponse(
            @JsonProperty("status") ResponseStatus status,
            @JsonProperty("txn_info") TxnInfo txnInfo) {
        static CommitTxnResponse empty() {
            return new CommitTxnResponse(null, null);
        }

        CommitTxnResponse withStatus(ResponseStatus value) {
            return new CommitTxnResponse(value, txnInfo);
        }

        CommitTxnResponse withTxnInfo(TxnInfo value) {
            return new CommitTxnResponse(status, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "db_id", "txn_id", "label", "reason", "request_ip"})
    record AbortTxnRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,

            @JsonProperty("db_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long dbId,

            @JsonProperty("txn_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long txnId,

            @JsonProperty("label") String label,
            @JsonProperty("reason") String reason,
            @JsonProperty("request_ip") String requestIp) {
        static AbortTxnRequest empty() {
            return new AbortTxnRequest(null, null, null, null, null, null);
        }

        AbortTxnRequest withCloudUniqueId(String value) {
            return new AbortTxnRequest(value, dbId, txnId, label, reason, requestIp);
        }

        AbortTxnRequest withDbId(Long value) {
            return new AbortTxnRequest(cloudUniqueId, value, txnId, label, reason, requestIp);
        }

        AbortTxnRequest withTxnId(Long value) {
            return new AbortTxnRequest(cloudUniqueId, dbId, value, label, reason, requestIp);
        }

        AbortTxnRequest withLabel(String value) {
            return new AbortTxnRequest(cloudUniqueId, dbId, txnId, value, reason, requestIp);
        }

        AbortTxnRequest withReason(String value) {
            return new AbortTxnRequest(cloudUniqueId, dbId, txnId, label, value, requestIp);
        }

        AbortTxnRequest withRequestIp(String value) {
            return new AbortTxnRequest(cloudUniqueId, dbId, txnId, label, reason, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "initiator",
        "ctime",
        "mtime",
        "type",
        "base_compaction_cnt",
        "cumulative_compaction_cnt",
        "id",
        "expiration",
        "lease"
    })
    record TabletCompactionJob(
            @JsonProperty("initiator") String initiator,

            @JsonProperty("ctime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long ctime,

            @JsonProperty("mtime") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long mtime,

            @JsonProperty("type") CompactionType type,

            @JsonProperty("base_compaction_cnt") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long baseCompactionCnt,

            @JsonProperty("cumulative_compaction_cnt") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long cumulativeCompactionCnt,

            @JsonProperty("id") String id,

            @JsonProperty("expiration") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long expiration,

            @JsonProperty("lease") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long lease) {
        static TabletCompactionJob empty() {
            return new TabletCompactionJob(null, null, null, null, null, null, null, null, null);
        }

        TabletCompactionJob withInitiator(String value) {
            return new TabletCompactionJob(
                    value, ctime, mtime, type, baseCompactionCnt, cumulativeCompactionCnt, id, expiration, lease);
        }

        TabletCompactionJob withCtime(Long value) {
            return new TabletCompactionJob(
                    initiator, value, mtime, type, baseCompactionCnt, cumulativeCompactionCnt, id, expiration, lease);
        }

        TabletCompactionJob withMtime(Long value) {
            return new TabletCompactionJob(
                    initiator, ctime, value, type, baseCompactionCnt, cumulativeCompactionCnt, id, expiration, lease);
        }

        TabletCompactionJob withType(CompactionType value) {
            return new TabletCompactionJob(
                    initiator, ctime, mtime, value, baseCompactionCnt, cumulativeCompactionCnt, id, expiration, lease);
        }

        TabletCompactionJob withBaseCompactionCnt(Long value) {
            return new TabletCompactionJob(
                    initiator, ctime, mtime, type, value, cumulativeCompactionCnt, id, expiration, lease);
        }

        TabletCompactionJob withCumulativeCompactionCnt(Long value) {
            return new TabletCompactionJob(
                    initiator, ctime, mtime, type, baseCompactionCnt, value, id, expiration, lease);
        }

        TabletCompactionJob withId(String value) {
            return new TabletCompactionJob(
                    initiator,
                    ctime,
                    mtime,
                    type,
                    baseCompactionCnt,
                    cumulativeCompactionCnt,
                    value,
                    expiration,
                    lease);
        }

        TabletCompactionJob withExpiration(Long value) {
            return new TabletCompactionJob(
                    initiator, ctime, mtime, type, baseCompactionCnt, cumulativeCompactionCnt, id, value, lease);
        }

        TabletCompactionJob withLease(Long value) {
            return new TabletCompactionJob(
                    initiator, ctime, mtime, type, baseCompactionCnt, cumulativeCompactionCnt, id, expiration, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"initiator", "id", "expiration", "new_tablet_idx", "alter_version"})
    record TabletSchemaChangeJob(
            @JsonProperty("initiator") String initiator,
            @JsonProperty("id") String id,

            @JsonProperty("expiration") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long expiration,

            @JsonProperty("new_tablet_idx") TabletIndex newTabletIdx,

            @JsonProperty("alter_version") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long alterVersion) {
        static TabletSchemaChangeJob empty() {
            return new TabletSchemaChangeJob(null, null, null, null, null);
        }

        TabletSchemaChangeJob withInitiator(String value) {
            return new TabletSchemaChangeJob(value, id, expiration, newTabletIdx, alterVersion);
        }

        TabletSchemaChangeJob withId(String value) {
            return new TabletSchemaChangeJob(initiator, value, expiration, newTabletIdx, alterVersion);
        }

        TabletSchemaChangeJob withExpiration(Long value) {
            return new TabletSchemaChangeJob(initiator, id, value, newTabletIdx, alterVersion);
        }

        TabletSchemaChangeJob withNewTabletIdx(TabletIndex value) {
            return new TabletSchemaChangeJob(initiator, id, expiration, value, alterVersion);
        }

        TabletSchemaChangeJob withAlterVersion(Long value) {
            return new TabletSchemaChangeJob(initiator, id, expiration, newTabletIdx, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"idx", "compaction", "schema_change"})
    record TabletJobInfo(
            @JsonProperty("idx") TabletIndex idx,

            @JsonProperty("compaction") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<TabletCompactionJob> compaction,

            @JsonProperty("schema_change") TabletSchemaChangeJob schemaChange) {
        TabletJobInfo {
            compaction = list(compaction);
        }

        static TabletJobInfo empty() {
            return new TabletJobInfo(null, null, null);
        }

        TabletJobInfo withIdx(TabletIndex value) {
            return new TabletJobInfo(value, compaction, schemaChange);
        }

        TabletJobInfo withCompaction(List<TabletCompactionJob> value) {
            return new TabletJobInfo(idx, value, schemaChange);
        }

        TabletJobInfo withSchemaChange(TabletSchemaChangeJob value) {
            return new TabletJobInfo(idx, compaction, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "job", "request_ip"})
    record StartTabletJobRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("job") TabletJobInfo job,
            @JsonProperty("request_ip") String requestIp) {
        static StartTabletJobRequest empty() {
            return new StartTabletJobRequest(null, null, null);
        }

        StartTabletJobRequest withCloudUniqueId(String value) {
            return new StartTabletJobRequest(value, job, requestIp);
        }

        StartTabletJobRequest withJob(TabletJobInfo value) {
            return new StartTabletJobRequest(cloudUniqueId, value, requestIp);
        }

        StartTabletJobRequest withRequestIp(String value) {
            return new StartTabletJobRequest(cloudUniqueId, job, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "action", "job", "request_ip"})
    record FinishTabletJobRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,
            @JsonProperty("action") JobAction action,
            @JsonProperty("job") TabletJobInfo job,
            @JsonProperty("request_ip") String requestIp) {
        static FinishTabletJobRequest empty() {
            return new FinishTabletJobRequest(null, null, null, null);
        }

        FinishTabletJobRequest withCloudUniqueId(String value) {
            return new FinishTabletJobRequest(value, action, job, requestIp);
        }

        FinishTabletJobRequest withAction(JobAction value) {
            return new FinishTabletJobRequest(cloudUniqueId, value, job, requestIp);
        }

        FinishTabletJobRequest withJob(TabletJobInfo value) {
            return new FinishTabletJobRequest(cloudUniqueId, action, value, requestIp);
        }

        FinishTabletJobRequest withRequestIp(String value) {
            return new FinishTabletJobRequest(cloudUniqueId, action, job, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"table_id", "partition_id", "tablet_id", "index_id"})
    record TabletMeta(
            @JsonProperty("table_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long tableId,

            @JsonProperty("partition_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long partitionId,

            @JsonProperty("tablet_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long tabletId,

            @JsonProperty("index_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long indexId) {
        static TabletMeta empty() {
            return new TabletMeta(null, null, null, null);
        }

        TabletMeta withTableId(Long value) {
            return new TabletMeta(value, partitionId, tabletId, indexId);
        }

        TabletMeta withPartitionId(Long value) {
            return new TabletMeta(tableId, value, tabletId, indexId);
        }

        TabletMeta withTabletId(Long value) {
            return new TabletMeta(tableId, partitionId, value, indexId);
        }

        TabletMeta withIndexId(Long value) {
            return new TabletMeta(tableId, partitionId, tabletId, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cloud_unique_id", "tablet_metas", "storage_vault_name", "db_id", "request_ip"})
    record CreateTabletsRequest(
            @JsonProperty("cloud_unique_id") String cloudUniqueId,

            @JsonProperty("tablet_metas") @JsonInclude(JsonInclude.Include.NON_EMPTY)
            List<TabletMeta> tabletMetas,

            @JsonProperty("storage_vault_name") String storageVaultName,

            @JsonProperty("db_id") @JsonFormat(shape = JsonFormat.Shape.STRING)
            Long dbId,

            @JsonProperty("request_ip") String requestIp) {
        CreateTabletsRequest {
            tabletMetas = list(tabletMetas);
        }

        static CreateTabletsRequest empty() {
            return new CreateTabletsRequest(null, null, null, null, null);
        }

        CreateTabletsRequest withCloudUniqueId(String value) {
            return new CreateTabletsRequest(value, tabletMetas, storageVaultName, dbId, requestIp);
        }

        CreateTabletsRequest withTabletMetas(List<TabletMeta> value) {
            return new CreateTabletsRequest(cloudUniqueId, value, storageVaultName, dbId, requestIp);
        }

        CreateTabletsRequest withStorageVaultName(String value) {
            return new CreateTabletsRequest(cloudUniqueId, tabletMetas, value, dbId, requestIp);
        }

        CreateTabletsRequest withDbId(Long value) {
            return new CreateTabletsRequest(cloudUniqueId, tabletMetas, storageVaultName, value, requestIp);
        }

        CreateTabletsRequest withRequestIp(String value) {
            return new CreateTabletsRequest(cloudUniqueId, tabletMetas, storageVaultName, dbId, value);
        }
    }
}
