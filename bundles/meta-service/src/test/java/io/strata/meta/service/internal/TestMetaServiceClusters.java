package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.TestingMetaService.OK;
import static io.strata.meta.service.internal.TestingMetaService.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.meta.service.internal.TestingMetaService.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clusters, nodes and the cluster status machine (behaviour file §4–§5.4). */
final class TestMetaServiceClusters {
    private static final String CACHE_HELP = "Ms nodes memory cache may be inconsistent, pls check registry key may be"
            + " contain 127.0.0.1, and call get_instance api get instance info from fdb";
    private static final String DROP_HELP = " help Msg=" + CACHE_HELP;
    private static final String SQL_CLUSTER = """
            {"instance_id": "i", "cluster": {"cluster_name": "RESERVED_CLUSTER_NAME_FOR_SQL_SERVER", "cluster_id": "RESERVED_CLUSTER_ID_FOR_SQL_SERVER",
             "type": "SQL", "nodes": [{"cloud_unique_id": "1:i:fe-1", "ip": "127.0.0.1", "edit_log_port": 12103, "node_type": "FE_MASTER"}]}}""";
    private static final String COMPUTE_CLUSTER = """
            {"instance_id": "i", "cluster": {"cluster_name": "cluster_name1", "cluster_id": "cluster_id1", "type": "COMPUTE",
             "nodes": [{"cloud_unique_id": "1:i:be-1", "ip": "172.21.0.5", "heartbeat_port": 9050}]}}""";

    private TestingMetaService meta;

    @BeforeEach
    void setUp() throws Exception {
        meta = new TestingMetaService();
        assertThat(meta.call("create_instance", "{\"instance_id\": \"i\", \"user_id\": \"u\", \"name\": \"n\"}"))
                .isEqualTo(new Reply(200, OK));
    }

    @AfterEach
    void tearDown() throws Exception {
        meta.close();
    }

    private Reply addCluster(String type, String name, String nodes) {
        return meta.call(
                "add_cluster",
                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"" + name + "\", \"cluster_id\": \"" + name
                        + "\", \"type\": \"" + type + "\", \"nodes\": [" + nodes + "]}}");
    }

    @Test
    void testAddClusterChecksInOrder() {
        assertThat(meta.call("add_cluster", "{\"cluster\": {}}"))
                .isEqualTo(
                        new Reply(400, error("INVALID_ARGUMENT", "invalid request instance_id or cluster not given")));
        assertThat(meta.call("add_cluster", "{\"instance_id\": \"i\"}"))
                .isEqualTo(
                        new Reply(400, error("INVALID_ARGUMENT", "invalid request instance_id or cluster not given")));
        assertThat(meta.call("add_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"c\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "cluster must have type arg")));
        assertThat(meta.call("add_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"type\": \"COMPUTE\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "not have cluster name")));
        // an unknown enum name leaves the field unset
        assertThat(meta.call(
                        "add_cluster",
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"c\", \"type\": \"NOPE\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "cluster must have type arg")));
        assertThat(meta.call("add_cluster", "{\"cloud_unique_id\": \"1:nope:x\", \"cluster\": {}}"))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "use degrade cloud_unique_id, but instance_id invalid, cloud_unique_id=1:nope:x")));
        assertThat(meta.call("add_cluster", "{\"cloud_unique_id\": \"whatever\", \"cluster\": {}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "empty instance_id")));
        assertThat(meta.call(
                        "add_cluster",
                        "{\"instance_id\": \"nope\", \"cluster\": {\"cluster_name\": \"c\", \"type\": \"COMPUTE\"}}"))
                .isEqualTo(
                        new Reply(
                                500,
                                error(
                                        "INTERNAL_ERROR",
                                        "failed to get instance, info failed to get instance, instance_id=nope err=KeyNotFound")));
        assertThat(addCluster("COMPUTE", "c", "{\"cloud_unique_id\": \"1:other:x\", \"ip\": \"1.1.1.1\"}"))
                .isEqualTo(
                        new Reply(
                                400,
                                error(
                                        "INVALID_ARGUMENT",
                                        "node=cloud_unique_id: \"1:other:x\"\nip: \"1.1.1.1\"\n cloud_unique_id use degrade format, but check instance failed")));
    }

    @Test
    void testSqlMasterRules() {
        assertThat(addCluster("SQL", "s", ""))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "cluster is SQL type, must have only one master node, now master count: 0")));
        String master1 =
                "{\"cloud_unique_id\": \"1:i:fe-1\", \"ip\": \"10.0.0.1\", \"edit_log_port\": 9010, \"node_type\": \"FE_MASTER\"}";
        String master2 =
                "{\"cloud_unique_id\": \"1:i:fe-2\", \"ip\": \"10.0.0.2\", \"edit_log_port\": 9010, \"node_type\": \"FE_MASTER\"}";
        String follower =
                "{\"cloud_unique_id\": \"1:i:fe-3\", \"ip\": \"10.0.0.3\", \"edit_log_port\": 9010, \"node_type\": \"FE_FOLLOWER\"}";
        String observer =
                "{\"cloud_unique_id\": \"1:i:fe-4\", \"ip\": \"10.0.0.4\", \"edit_log_port\": 9010, \"node_type\": \"FE_OBSERVER\"}";
        String masterWithoutPort =
                "{\"cloud_unique_id\": \"1:i:fe-5\", \"ip\": \"10.0.0.5\", \"node_type\": \"FE_MASTER\"}";
        assertThat(addCluster("SQL", "s", master1 + "," + master2))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "cluster is SQL type, must have only one master node, now master count: 2")));
        assertThat(addCluster("SQL", "s", master1 + "," + follower))
                .isEqualTo(
                        new Reply(
                                400,
                                error(
                                        "INVALID_ARGUMENT",
                                        "cluster is SQL type, and use multi follower mode, cant set master node, master count: 1 follower count: 1")));
        assertThat(addCluster("SQL", "s", observer))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "cluster is SQL type, must have only one master node, now master count: 0")));
        assertThat(addCluster("SQL", "s", masterWithoutPort))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "cluster is SQL type, must have only one master node, now master count: 0")));
        assertThat(addCluster("SQL", "s", master1 + "," + observer)).isEqualTo(new Reply(200, OK));
        assertThat(addCluster("SQL", "s2", follower)).isEqualTo(new Reply(200, OK));
    }

    @Test
    void testDuplicatesAndOccupancy() {
        assertThat(meta.call("add_cluster", COMPUTE_CLUSTER)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("add_cluster", COMPUTE_CLUSTER))
                .isEqualTo(new Reply(
                        409,
                        error("ALREADY_EXISTED", "try to add a existing cluster id, existing_cluster_id=cluster_id1")));
        assertThat(
                        meta.call(
                                "add_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"cluster_id\": \"other\", \"type\": \"COMPUTE\"}}"))
                .isEqualTo(new Reply(
                        409,
                        error(
                                "ALREADY_EXISTED",
                                "try to add a existing cluster name, existing_cluster_name=cluster_name1")));
        assertThat(addCluster(
                        "COMPUTE",
                        "c2",
                        "{\"cloud_unique_id\": \"1:i:be-2\", \"ip\": \"172.21.0.5\", \"heartbeat_port\": 9050}"))
                .isEqualTo(new Reply(
                        409,
                        error(
                                "ALREADY_EXISTED",
                                "compute node endpoint has been added, registered be node=172.21.0.5:9050")));
        assertThat(addCluster("COMPUTE", "c2", "{\"cloud_unique_id\": \"1:i:be-2\", \"heartbeat_port\": 9050}"))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "add node input args node invalid, cluster="
                                        + "{\"cloud_unique_id\":\"1:i:be-2\",\"heartbeat_port\":9050}")));
        // the same cloud_unique_id under another instance
        meta.call("create_instance", "{\"instance_id\": \"j\"}");
        assertThat(
                        meta.call(
                                "add_cluster",
                                "{\"instance_id\": \"j\", \"cluster\": {\"cluster_name\": \"x\", \"cluster_id\": \"x\", \"type\": \"COMPUTE\","
                                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:be-1\", \"ip\": \"10.9.9.9\", \"heartbeat_port\": 1}]}}"))
                .isEqualTo(
                        new Reply(
                                409,
                                error(
                                        "ALREADY_EXISTED",
                                        "cloud_unique_id is already occupied by an instance, instance_id=i "
                                                + "cluster_name=cluster_name1 cluster_id=cluster_id1 cloud_unique_id=1:i:be-1")));
        assertThat(
                        meta.call(
                                "add_node",
                                "{\"instance_id\": \"j\", \"cluster\": {\"cluster_name\": \"x\", \"type\": \"COMPUTE\","
                                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:be-1\", \"ip\": \"10.9.9.9\", \"heartbeat_port\": 1}]}}"))
                .isEqualTo(
                        new Reply(
                                400,
                                error(
                                        "INVALID_ARGUMENT",
                                        "cloud_unique_id is already occupied by an instance, instance_id=i "
                                                + "cluster_name=cluster_name1 cluster_id=cluster_id1 cloud_unique_id=1:i:be-1")));
    }

    @Test
    void testClusterNameCheck() throws Exception {
        try (TestingMetaService checked =
                new TestingMetaService(MetaServiceSettings.defaults().withClusterNameCheck(true))) {
            checked.call("create_instance", "{\"instance_id\": \"i\"}");
            for (String bad :
                    List.of("not-support", "中文not-support", "   ", " not_support  ", "%", "*virtual_cluster_name")) {
                assertThat(checked.call(
                                "add_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"" + bad
                                        + "\", \"type\": \"COMPUTE\"}}"))
                        .as(bad)
                        .isEqualTo(new Reply(
                                400,
                                error(
                                        "INVALID_ARGUMENT",
                                        "cluster name not regex with ^[a-zA-Z][a-zA-Z0-9_]*$, please check it")));
            }
            assertThat(
                            checked.call(
                                    "add_cluster",
                                    "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"aaaa\", \"cluster_id\": \"a\", \"type\": \"COMPUTE\"}}"))
                    .isEqualTo(new Reply(200, OK));
        }
        // off by default
        assertThat(addCluster("COMPUTE", "not-support", "")).isEqualTo(new Reply(200, OK));
    }

    @Test
    void testGetCluster() {
        meta.call("add_cluster", SQL_CLUSTER);
        meta.call("add_cluster", COMPUTE_CLUSTER);
        Reply one =
                meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster_name\": \"cluster_name1\"}");
        assertThat(one.body()).isEqualTo("""
                {
                    "code": "OK",
                    "msg": "",
                    "result": {
                        "cluster_id": "cluster_id1",
                        "cluster_name": "cluster_name1",
                        "type": "COMPUTE",
                        "nodes": [
                            {
                                "cloud_unique_id": "1:i:be-1",
                                "ip": "172.21.0.5",
                                "ctime": "1795392000",
                                "mtime": "1795392000",
                                "heartbeat_port": 9050
                            }
                        ],
                        "cluster_status": "NORMAL",
                        "ctime": "1795392000",
                        "mtime": "1795392000"
                    }
                }
                """);
        Reply all = meta.call("v1/get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\"}");
        assertThat(all.body())
                .startsWith(
                        "{\n    \"code\": \"OK\",\n    \"msg\": \"\",\n    \"result\": {\n        \"status\": {\n            \"code\": \"OK\",\n")
                .contains("RESERVED_CLUSTER_ID_FOR_SQL_SERVER", "cluster_id1", "\"enable_storage_vault\": true");
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:x\", \"cluster_name\": \"nope\"}"))
                .isEqualTo(new Reply(
                        404,
                        error(
                                "NOT_FOUND",
                                "fail to get cluster with cloud_unique_id: \"1:i:x\" cluster_name: \"nope\"")));
        // cluster_id wins, lower keys are blanked
        assertThat(
                        meta.call(
                                "get_cluster",
                                "{\"cloud_unique_id\": \"1:i:x\", \"cluster_id\": \"nope\", \"cluster_name\": \"cluster_name1\"}"))
                .isEqualTo(new Reply(
                        404,
                        error(
                                "NOT_FOUND",
                                "fail to get cluster with cloud_unique_id: \"1:i:x\" cluster_id: \"nope\"")));
        assertThat(meta.call("get_cluster", "{}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "cloud_unique_id must be given")));
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"zzz\"}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "empty instance_id")));
        // falls back to the body's instance_id
        assertThat(meta.call(
                                "get_cluster",
                                "{\"cloud_unique_id\": \"zzz\", \"instance_id\": \"i\", \"cluster_id\": \"cluster_id1\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void testDropCluster() {
        meta.call("add_cluster", SQL_CLUSTER);
        meta.call("add_cluster", COMPUTE_CLUSTER);
        assertThat(meta.call("drop_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"x\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "missing cluster_id=")));
        assertThat(
                        meta.call(
                                "drop_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"2222\", \"cluster_id\": \"11111\"}}"))
                .isEqualTo(
                        new Reply(
                                404,
                                error(
                                        "NOT_FOUND",
                                        "failed to find cluster to drop, instance_id=i cluster_id=11111 cluster_name=2222 help Msg=Ms nodes"
                                                + " memory cache may be inconsistent, pls check registry key may be contain 127.0.0.1, and call get_instance api get instance info from fdb")));
        assertThat(meta.call("drop_cluster", "{\"instance_id\": \"nope\", \"cluster\": {\"cluster_id\": \"x\"}}"))
                .isEqualTo(
                        new Reply(404, error("NOT_FOUND", "failed to get instance, instance_id=nope err=KeyNotFound")));
        Reply young = meta.call(
                "drop_cluster",
                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"RESERVED_CLUSTER_ID_FOR_SQL_SERVER\"}}");
        assertThat(young.status()).isEqualTo(404);
        assertThat(young.body())
                .contains(
                        "drop fe cluster not in safe time, try later, cluster=cluster_id: \\\"RESERVED_CLUSTER_ID_FOR_SQL_SERVER\\\"\\n");
        meta.clock().advance(Duration.ofSeconds(300));
        assertThat(
                        meta.call(
                                "drop_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"RESERVED_CLUSTER_ID_FOR_SQL_SERVER\"}}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call(
                        "drop_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"cluster_id1\"}}"))
                .isEqualTo(new Reply(200, OK));
        // a DELETED instance refuses cluster changes with 404
        meta.call("drop_instance", "{\"instance_id\": \"i\"}");
        assertThat(meta.call("add_cluster", COMPUTE_CLUSTER))
                .isEqualTo(new Reply(404, error("NOT_FOUND", "instance status has been set delete, plz check it")));
        assertThat(meta.call("drop_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"x\"}}"))
                .isEqualTo(new Reply(404, error("NOT_FOUND", "instance status has been set delete, plz check it")));
        assertThat(meta.call(
                        "rename_cluster",
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"x\", \"cluster_name\": \"y\"}}"))
                .isEqualTo(
                        new Reply(400, error("INVALID_ARGUMENT", "instance status has been set delete, plz check it")));
    }

    @Test
    void testRenameCluster() {
        meta.call("add_cluster", COMPUTE_CLUSTER);
        addCluster("COMPUTE", "empty_one", "");
        assertThat(
                        meta.call(
                                "rename_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"cluster_id1\", \"cluster_name\": \"cluster_name1\"}}"))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "failed to rename cluster, a cluster with the same name already exists in this instance "
                                        + "{\"cluster_id\":\"cluster_id1\",\"cluster_name\":\"cluster_name1\",\"type\":\"COMPUTE\",\"nodes\":[{\"cloud_unique_id\":\"1:i:be-1\","
                                        + "\"ip\":\"172.21.0.5\",\"ctime\":\"1795392000\",\"mtime\":\"1795392000\",\"heartbeat_port\":9050}],\"cluster_status\":\"NORMAL\","
                                        + "\"ctime\":\"1795392000\",\"mtime\":\"1795392000\"}")));
        assertThat(meta.call(
                        "rename_cluster",
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"nope\", \"cluster_name\": \"x\"}}"))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "failed to find cluster to update, instance_id=i cluster_id=nope cluster_name=x")));
        assertThat(meta.call("rename_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"x\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "missing cluster_id=")));
        assertThat(meta.call(
                                "rename_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"cluster_id1\", \"cluster_name\": \"empty_one\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(meta.call(
                        "rename_cluster",
                        "{\"instance_id\": \"i\", \"replace_if_existing_empty_target_cluster\": true,"
                                + " \"cluster\": {\"cluster_id\": \"cluster_id1\", \"cluster_name\": \"empty_one\"}}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster_id\": \"cluster_id1\"}")
                        .body())
                .contains("\"cluster_name\": \"empty_one\"");
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster_id\": \"empty_one\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void testClusterStatusMachine() {
        meta.call("add_cluster", COMPUTE_CLUSTER);
        meta.call("add_cluster", SQL_CLUSTER);
        String set =
                "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster\": {\"cluster_id\": \"cluster_id1\", \"cluster_status\": \"%s\"}}";
        assertThat(meta.call("set_cluster_status", set.formatted("NORMAL")))
                .isEqualTo(
                        new Reply(
                                400,
                                error(
                                        "INVALID_ARGUMENT",
                                        "failed to set cluster status, status eq original status, original cluster is NORMAL")));
        assertThat(meta.call("set_cluster_status", set.formatted("TO_RESUME")))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "failed to set cluster status, original cluster is NORMAL and want set TO_RESUME")));
        assertThat(meta.call("set_cluster_status", set.formatted("STOPPED")))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "failed to set cluster status, original cluster is NORMAL and want set UNKNOWN")));
        for (String to :
                List.of("SUSPENDED", "TO_RESUME", "NORMAL", "SUSPENDED", "NORMAL", "MANUAL_SHUTDOWN", "NORMAL")) {
            assertThat(meta.call("v1/set_cluster_status", set.formatted(to)))
                    .as(to)
                    .isEqualTo(new Reply(200, OK));
        }
        assertThat(
                        meta.call(
                                "set_cluster_status",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"RESERVED_CLUSTER_ID_FOR_SQL_SERVER\", \"cluster_status\": \"NORMAL\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "just support set COMPUTE cluster status")));

        assertThat(meta.call("get_cluster_status", "{}")).isEqualTo(new Reply(400, """
                {
                    "code": "INVALID_ARGUMENT",
                    "msg": "cloud_unique_ids or instance_ids must be given, instance_ids.size: 0 cloud_unique_ids.size: 0",
                    "result": {
                        "status": {
                            "code": "INVALID_ARGUMENT",
                            "msg": "cloud_unique_ids or instance_ids must be given, instance_ids.size: 0 cloud_unique_ids.size: 0"
                        }
                    }
                }
                """));
        Reply status =
                meta.call("get_cluster_status", "{\"instance_ids\": [\"i\", \"unknown\"], \"status\": \"NORMAL\"}");
        assertThat(status.body()).isEqualTo("""
                {
                    "code": "OK",
                    "msg": "",
                    "result": {
                        "status": {
                            "code": "OK",
                            "msg": "{\\"details\\":[{\\"instance_id\\":\\"i\\",\\"clusters\\":[{\\"cluster_id\\":\\"cluster_id1\\",\\"cluster_name\\":\\"cluster_name1\\",\\"cluster_status\\":\\"NORMAL\\"}]}]}"
                        },
                        "details": [
                            {
                                "instance_id": "i",
                                "clusters": [
                                    {
                                        "cluster_id": "cluster_id1",
                                        "cluster_name": "cluster_name1",
                                        "cluster_status": "NORMAL"
                                    }
                                ]
                            }
                        ]
                    }
                }
                """);
        assertThat(meta.call("get_cluster_status", "{\"cloud_unique_ids\": [\"1:i:be-1\"], \"status\": \"SUSPENDED\"}")
                        .body())
                .doesNotContain("details\": [");
    }

    @Test
    void testAddAndDropNodes() {
        meta.call("add_cluster", SQL_CLUSTER);
        meta.call("add_cluster", COMPUTE_CLUSTER);
        String addTwo = """
                {"instance_id": "i", "cluster": {"cluster_name": "cluster_name1", "cluster_id": "cluster_id1", "type": "COMPUTE", "nodes": [
                  {"cloud_unique_id": "1:i:be-2", "ip": "172.21.0.50", "heartbeat_port": 9051},
                  {"cloud_unique_id": "1:i:be-3", "ip": "172.21.0.52", "heartbeat_port": 9052}]}}""";
        assertThat(meta.call("add_node", addTwo)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("add_node", addTwo))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "compute node endpoint has been added, registered be node=172.21.0.50:9051")));
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:be-2\", \"cluster_id\": \"cluster_id1\"}")
                        .body())
                .contains("\"status\": \"NODE_STATUS_RUNNING\"", "1:i:be-3");
        assertThat(
                        meta.call(
                                "add_node",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"type\": \"COMPUTE\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "to_add and to_del both empty or both not empty")));
        assertThat(
                        meta.call(
                                "add_node",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"nodes\": [{}]}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "cluster must have type arg")));
        // no such cluster: silently nothing
        assertThat(
                        meta.call(
                                "add_node",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"nope\", \"type\": \"COMPUTE\","
                                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:be-9\", \"ip\": \"9.9.9.9\", \"heartbeat_port\": 1}]}}"))
                .isEqualTo(new Reply(200, OK));

        assertThat(
                        meta.call(
                                "drop_node",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"cluster_id\": \"cluster_id1\", \"type\": \"COMPUTE\","
                                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:be-2\", \"ip\": \"172.21.0.99\", \"heartbeat_port\": 9051}]}}"))
                .isEqualTo(new Reply(
                        404,
                        error(
                                "NOT_FOUND",
                                "not found ,cloud_unique_id can not find to drop node, instance_id=i cluster_name=cluster_name1 "
                                        + "cluster_id=cluster_id1 node_info=cloud_unique_id: \"1:i:be-2\"\nip: \"172.21.0.99\"\n"
                                        + "heartbeat_port: 9051\n" + DROP_HELP)));
        assertThat(
                        meta.call(
                                "drop_node",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"type\": \"COMPUTE\","
                                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:be-77\", \"ip\": \"172.21.0.50\", \"heartbeat_port\": 9051}]}}"))
                .isEqualTo(new Reply(
                        404,
                        error(
                                "NOT_FOUND",
                                "not found ,can not find to drop nodes by cloud_unique_id=1:i:be-77 instance_id=i"
                                        + " cluster_name=cluster_name1 cluster_id=" + DROP_HELP)));
        // registered, but not in the cluster the request names
        meta.call(
                "add_cluster",
                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"empty\", \"cluster_id\": \"empty\", \"type\": \"COMPUTE\"}}");
        assertThat(meta.call(
                        "drop_node", addTwo.replace("cluster_name1", "empty").replace("cluster_id1", "empty")))
                .isEqualTo(new Reply(
                        404,
                        error(
                                "NOT_FOUND",
                                "not found ,failed to find node to drop, instance_id=i cluster_id=empty cluster_name=empty"
                                        + " cluster={\"cluster_id\":\"empty\",\"cluster_name\":\"empty\",\"type\":\"COMPUTE\","
                                        + "\"cluster_status\":\"NORMAL\",\"ctime\":\"1795392000\",\"mtime\":\"1795392000\"}"
                                        + " help Msg =" + CACHE_HELP)));
        // a cluster the instance does not have: nothing happens
        assertThat(meta.call(
                        "drop_node", addTwo.replace("cluster_name1", "nope").replace("cluster_id1", "nope")))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.store().index().resolve("1:i:be-2")).isPresent();
        assertThat(meta.call("drop_node", addTwo)).isEqualTo(new Reply(200, OK));
        assertThat(meta.store().index().resolve("1:i:be-2")).isEmpty();

        // FE nodes: the safety window, then the validity of the SQL cluster
        String observer =
                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"RESERVED_CLUSTER_NAME_FOR_SQL_SERVER\", \"type\": \"SQL\","
                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:fe-2\", \"ip\": \"127.0.0.2\", \"edit_log_port\": 12103, \"node_type\": \"FE_OBSERVER\"}]}}";
        assertThat(meta.call("add_node", observer)).isEqualTo(new Reply(200, OK));
        Reply young = meta.call("drop_node", observer);
        assertThat(young.status()).isEqualTo(400);
        assertThat(young.body())
                .contains("drop fe node not in safe time, try later, node=cloud_unique_id: \\\"1:i:fe-2\\\"");
        meta.clock().advance(Duration.ofMinutes(6));
        assertThat(meta.call("drop_node", observer)).isEqualTo(new Reply(200, OK));
        String master =
                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"RESERVED_CLUSTER_NAME_FOR_SQL_SERVER\", \"type\": \"SQL\","
                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:fe-1\", \"ip\": \"127.0.0.1\", \"edit_log_port\": 12103}]}}";
        assertThat(meta.call("drop_node", master))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "instance invalid, cant modify, plz check")));
    }

    /** A VIRTUAL cluster request; {@code names} and {@code policy} are JSON, or null to leave them out. */
    private Reply virtual(String call, String id, String names, String policy) {
        StringBuilder cluster = new StringBuilder(
                "{\"cluster_name\": \"" + id + "\", \"cluster_id\": \"" + id + "\", \"type\": \"VIRTUAL\"");
        if (names != null) {
            cluster.append(", \"cluster_names\": ").append(names);
        }
        if (policy != null) {
            cluster.append(", \"cluster_policy\": ").append(policy);
        }
        return meta.call(call, "{\"instance_id\": \"i\", \"cluster\": " + cluster + "}}");
    }

    private static String policy(String active, String standby) {
        return "{\"type\": \"ActiveStandby\", \"active_cluster_name\": \"" + active
                + "\", \"standby_cluster_names\": [\"" + standby + "\"]}";
    }

    private static Reply invalid(String message) {
        return new Reply(400, error("INVALID_ARGUMENT", message));
    }

    private String getCluster(String id) {
        Reply reply = meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:x\", \"cluster_id\": \"" + id + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void testVirtualClusterArguments() {
        String pair = "[\"c1\", \"c2\"]";
        String both = policy("c1", "c2");
        assertThat(meta.call(
                        "add_cluster",
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"v\", \"cluster_id\": \"v\","
                                + " \"type\": \"VIRTUAL\", \"public_endpoint\": \"public_endpoint\"}}"))
                .isEqualTo(invalid("Inconsistent virtual cluster args"));
        assertThat(
                        meta.call(
                                "add_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"v\", \"cluster_id\": \"v\","
                                        + " \"type\": \"VIRTUAL\", \"nodes\": [{\"ip\": \"127.0.0.1\", \"heartbeat_port\": 9999}]}}"))
                .isEqualTo(invalid("Inconsistent virtual cluster args"));
        String together = "subcgs and policy must be Incoming at the same time or do not transmit at the same time";
        assertThat(virtual("add_cluster", "v", "[\"not_exist_cluster_1\"]", null))
                .isEqualTo(invalid(together));
        assertThat(virtual("add_cluster", "v", null, both)).isEqualTo(invalid(together));
        assertThat(virtual("add_cluster", "v", "[\"c1\", \"c2\", \"c3\"]", both))
                .isEqualTo(invalid("Currently, just support two sub clusters"));
        assertThat(virtual("add_cluster", "v", "[\"only_one_cluster\"]", both))
                .isEqualTo(invalid("Currently, just support two sub clusters"));
        // sub-cluster names are always checked, whatever strata.metaservice.cluster.name.check.enabled says
        assertThat(virtual("add_cluster", "v", "[\"*_regex_err_cluster\", \"c2\"]", both))
                .isEqualTo(invalid("cluster name *_regex_err_cluster does not match regex ^[a-zA-Z][a-zA-Z0-9_]*$"));
        assertThat(virtual(
                        "add_cluster",
                        "v",
                        pair,
                        "{\"active_cluster_name\": \"c1\", \"standby_cluster_names\": [\"c2\"]}"))
                .isEqualTo(invalid("plz set cluster policy type, use virtual cluster policy"));
        String inconsistent = "Inconsistent cluster policy: active_cluster_name must be set if standby_cluster_names"
                + " are present, and vice versa.";
        assertThat(virtual(
                        "add_cluster", "v", pair, "{\"type\": \"ActiveStandby\", \"standby_cluster_names\": [\"c2\"]}"))
                .isEqualTo(invalid(inconsistent));
        assertThat(virtual("add_cluster", "v", pair, "{\"type\": \"ActiveStandby\", \"active_cluster_name\": \"c1\"}"))
                .isEqualTo(invalid(inconsistent));
        assertThat(virtual("add_cluster", "v", pair, policy("c3", "c2")))
                .isEqualTo(invalid("active_cluster_name must not be empty and must be in cluster_names"));
        assertThat(virtual("add_cluster", "v", pair, policy("c1", "c3")))
                .isEqualTo(invalid("standby_cluster_name c3 must be in cluster_names"));
        assertThat(virtual("add_cluster", "v", pair, policy("c2", "c2")))
                .isEqualTo(invalid("active_cluster_name is same of standby_cluster_name"));
        for (String threshold : List.of("0", "-1")) {
            assertThat(virtual(
                            "add_cluster",
                            "v",
                            pair,
                            both.replace("}", ", \"failover_failure_threshold\": " + threshold + "}")))
                    .as(threshold)
                    .isEqualTo(invalid("failover_failure_threshold must be greater than 0 and less than max(int64)"));
        }
        for (String percent : List.of("0", "-1", "101")) {
            assertThat(virtual(
                            "add_cluster",
                            "v",
                            pair,
                            both.replace("}", ", \"unhealthy_node_threshold_percent\": \"" + percent + "\"}")))
                    .as(percent)
                    .isEqualTo(invalid(
                            "unhealthy_node_threshold_percent must be greater than 0 and less than or equal to 100"));
        }
        // the arguments hold, the sub-clusters do not exist yet
        assertThat(virtual("add_cluster", "v", pair, both))
                .isEqualTo(
                        invalid("sub cluster c1 not been added in instance, plz add it before create virtual cluster"));
    }

    @Test
    void testVirtualClusterLifecycle() {
        assertThat(addCluster("COMPUTE", "c1", "")).isEqualTo(new Reply(200, OK));
        assertThat(addCluster("COMPUTE", "c2", "")).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("add_cluster", SQL_CLUSTER)).isEqualTo(new Reply(200, OK));
        assertThat(virtual(
                        "add_cluster",
                        "v",
                        "[\"c1\", \"RESERVED_CLUSTER_NAME_FOR_SQL_SERVER\"]",
                        policy("c1", "RESERVED_CLUSTER_NAME_FOR_SQL_SERVER")))
                .isEqualTo(invalid("sub cluster RESERVED_CLUSTER_NAME_FOR_SQL_SERVER 's type must be eq COMPUTE"));
        assertThat(virtual("add_cluster", "v1", "[\"c1\", \"c2\"]", policy("c2", "c1")))
                .isEqualTo(new Reply(200, OK));
        // kept with the policy's default thresholds; no status, no nodes
        assertThat(getCluster("v1"))
                .contains(String.join(
                        "\n",
                        "        \"cluster_names\": [",
                        "            \"c1\",",
                        "            \"c2\"",
                        "        ],",
                        "        \"cluster_policy\": {",
                        "            \"type\": \"ActiveStandby\",",
                        "            \"active_cluster_name\": \"c2\",",
                        "            \"standby_cluster_names\": [",
                        "                \"c1\"",
                        "            ],",
                        "            \"failover_failure_threshold\": \"3\",",
                        "            \"unhealthy_node_threshold_percent\": \"100\"",
                        "        }"))
                .doesNotContain("cluster_status");
        // a sub-cluster belongs to one virtual cluster at most
        assertThat(virtual("add_cluster", "v2", "[\"c1\", \"c2\"]", policy("c1", "c2")))
                .isEqualTo(invalid("sub cluster c1 has been add by other vcg=v1"));
        // an empty virtual cluster is allowed
        assertThat(virtual("add_cluster", "v3", null, null)).isEqualTo(new Reply(200, OK));
        // only COMPUTE clusters have a status
        assertThat(
                        meta.call(
                                "set_cluster_status",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"v1\", \"cluster_status\": \"SUSPENDED\"}}"))
                .isEqualTo(invalid("just support set COMPUTE cluster status"));
        assertThat(meta.call("get_cluster_status", "{\"instance_ids\": [\"i\"]}")
                        .body())
                .contains("\"cluster_id\": \"c1\"", "\"cluster_id\": \"c2\"")
                .doesNotContain("\"cluster_id\": \"v1\"", "\"cluster_id\": \"v3\"");
        // a sub-cluster goes after its virtual cluster
        String dropC1 = "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"c1\"}}";
        assertThat(meta.call("drop_cluster", dropC1))
                .isEqualTo(new Reply(
                        409,
                        error(
                                "ALREADY_EXISTED",
                                "failed to drop cluster, this cluster owned by virtual cluster=v1 if you want drop this"
                                        + " cluster, please drop virtual cluster=v1 firstly")));
        assertThat(meta.call("drop_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"v1\"}}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("drop_cluster", dropC1)).isEqualTo(new Reply(200, OK));
    }

    @Test
    void testAlterVirtualCluster() {
        for (String name : List.of("c1", "c2", "c4")) {
            assertThat(addCluster("COMPUTE", name, "")).isEqualTo(new Reply(200, OK));
        }
        assertThat(virtual("add_cluster", "v", null, null)).isEqualTo(new Reply(200, OK));
        assertThat(
                        meta.call(
                                "alter_vcluster_info",
                                "{\"instance_id\": \"i\", \"cluster\": {\"type\": \"VIRTUAL\", \"cluster_names\": [\"c1\", \"c2\"]}}"))
                .isEqualTo(invalid("missing cluster_id="));
        assertThat(
                        meta.call(
                                "alter_vcluster_info",
                                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"nope\", \"cluster_name\": \"nope\"}}"))
                .isEqualTo(
                        invalid("failed to find cluster to update, instance_id=i cluster_id=nope cluster_name=nope"));
        // sub-clusters and policy arrive together, and the policy needs its type
        assertThat(virtual(
                        "alter_vcluster_info",
                        "v",
                        "[\"c2\", \"c1\"]",
                        "{\"active_cluster_name\": \"c2\", \"standby_cluster_names\": [\"c1\"]}"))
                .isEqualTo(invalid("plz set cluster policy type, use virtual cluster policy"));
        assertThat(virtual("alter_vcluster_info", "v", "[\"c2\", \"c1\"]", null))
                .isEqualTo(invalid(
                        "subcgs and policy must be Incoming at the same time or do not transmit at the same time"));
        assertThat(virtual("alter_vcluster_info", "v", "[\"c2\", \"c1\"]", policy("c2", "c1")))
                .isEqualTo(new Reply(200, OK));
        assertThat(getCluster("v"))
                .contains("\"active_cluster_name\": \"c2\"", "\"failover_failure_threshold\": \"3\"");

        // new sub-clusters without a new policy: the active one must still be among them
        assertThat(virtual("alter_vcluster_info", "v", "[\"c1\", \"c4\"]", null))
                .isEqualTo(invalid("active_cluster_name must not be empty and must be in cluster_names"));
        // policy fields alone are merged into the current policy
        assertThat(virtual("v1/alter_vcluster_info", "v", null, policy("c1", "c2")))
                .isEqualTo(new Reply(200, OK));
        assertThat(getCluster("v"))
                .contains("\"active_cluster_name\": \"c1\"", "\"standby_cluster_names\": [\n                \"c2\"");
        assertThat(virtual(
                        "alter_vcluster_info",
                        "v",
                        null,
                        "{\"type\": \"ActiveStandby\", \"active_cluster_name\": \"c2\"}"))
                .isEqualTo(invalid("active_cluster_name is same of standby_cluster_name"));
        assertThat(virtual("alter_vcluster_info", "v", null, "{\"failover_failure_threshold\": 55}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(getCluster("v"))
                .contains("\"failover_failure_threshold\": \"55\"", "\"active_cluster_name\": \"c1\"");
        assertThat(virtual("alter_vcluster_info", "v", null, "{\"unhealthy_node_threshold_percent\": 200}"))
                .isEqualTo(invalid(
                        "unhealthy_node_threshold_percent must be greater than 0 and less than or equal to 100"));
        assertThat(virtual("alter_vcluster_info", "v", null, policy("c1", "not_exist_cluster_name_6")))
                .isEqualTo(invalid("sub cluster not_exist_cluster_name_6 not been added in instance, plz add it before"
                        + " create virtual cluster"));
        assertThat(virtual("alter_vcluster_info", "v", "[\"c1\"]", null))
                .isEqualTo(invalid("Currently, just support two sub clusters"));
        // what failed changed nothing
        assertThat(getCluster("v"))
                .contains("\"failover_failure_threshold\": \"55\"", "\"unhealthy_node_threshold_percent\": \"100\"");
        // sub-clusters of another virtual cluster, and a COMPUTE cluster (it has a status) is no virtual cluster
        String alterC4 = "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"c4\", %s}}";
        assertThat(meta.call(
                        "alter_vcluster_info",
                        alterC4.formatted(
                                "\"cluster_names\": [\"c1\", \"c2\"], \"cluster_policy\": " + policy("c1", "c2"))))
                .isEqualTo(invalid("sub cluster c1 has been add by other vcg=v"));
        assertThat(meta.call(
                        "alter_vcluster_info",
                        alterC4.formatted("\"cluster_policy\": {\"failover_failure_threshold\": 5}")))
                .isEqualTo(invalid("Inconsistent virtual cluster args"));
    }

    @Test
    void testDecommission() {
        meta.call("add_cluster", COMPUTE_CLUSTER);
        String node =
                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"type\": \"COMPUTE\","
                        + " \"nodes\": [{\"cloud_unique_id\": \"1:i:be-1\", \"ip\": \"172.21.0.5\", \"heartbeat_port\": 9050}]}}";
        assertThat(meta.call("decommission_node", node)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster_id\": \"cluster_id1\"}")
                        .body())
                .contains("NODE_STATUS_DECOMMISSIONING");
        assertThat(meta.call("notify_decommissioned", node)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster_id\": \"cluster_id1\"}")
                        .body())
                .contains("NODE_STATUS_DECOMMISSIONED");
        assertThat(meta.call("decommission_node", node.replace("1:i:be-1", "1:i:be-404")))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "cloud_unique_id not found")));
    }

    @Test
    void testMysqlUserNamesAndEndpoint() {
        meta.call("add_cluster", COMPUTE_CLUSTER);
        assertThat(meta.call(
                        "update_cluster_mysql_user_name",
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"cluster_id1\","
                                + " \"mysql_user_name\": [\"jack\", \"root\"]}}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\", \"mysql_user_name\": \"root\"}")
                        .body())
                .contains("cluster_id1", "\"jack\"");
        assertThat(meta.call(
                        "update_cluster_endpoint",
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"cluster_id1\"}}"))
                .isEqualTo(new Reply(500, error("INTERNAL_ERROR", "missing private endpoint")));
        assertThat(meta.call(
                        "update_cluster_endpoint",
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_id\": \"cluster_id1\","
                                + " \"private_endpoint\": \"10.0.0.1:9030\"}}"))
                .isEqualTo(new Reply(200, OK));
    }

    @Test
    void testParallelAddNodesAllLand() throws Exception {
        meta.call("add_cluster", COMPUTE_CLUSTER);
        int callers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                String body =
                        "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"cluster_id\": \"cluster_id1\", \"type\": \"COMPUTE\","
                                + " \"nodes\": [{\"cloud_unique_id\": \"1:i:node-" + i + "\", \"ip\": \"10.1.0." + i
                                + "\", \"heartbeat_port\": 9050}]}}";
                replies.add(pool.submit(() -> {
                    start.await();
                    return meta.call("add_node", body);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get(60, TimeUnit.SECONDS)).isEqualTo(new Reply(200, OK));
            }
        } finally {
            pool.shutdownNow();
        }
        String cluster = meta.call(
                        "get_cluster", "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster_id\": \"cluster_id1\"}")
                .body();
        for (int i = 0; i < callers; i++) {
            assertThat(cluster).contains("\"1:i:node-" + i + "\"");
        }
        assertThat(meta.store()
                        .read("i")
                        .orElseThrow()
                        .document()
                        .instance()
                        .clusters()
                        .get(0)
                        .nodes())
                .hasSize(callers + 1);
    }

    @Test
    void testRecordsSurviveARestart() throws Exception {
        meta.call("add_cluster", COMPUTE_CLUSTER);
        CuratorFramework client = meta.zooKeeper().client();
        try (InstanceStore restarted = new InstanceStore(client, new AkSkCipher(AkSkCipher.newKey()), 10)) {
            restarted.start();
            assertThat(restarted.awaitInitialized(Duration.ofSeconds(30))).isTrue();
            assertThat(restarted.index().resolve("1:i:be-1").orElseThrow().clusterName())
                    .isEqualTo("cluster_name1");
        } finally {
            client.close();
        }
        assertThat(meta.call(
                                "get_cluster",
                                Map.of(),
                                "{\"cloud_unique_id\": \"1:i:be-1\", \"cluster_name\": \"cluster_name1\"}")
                        .status())
                .isEqualTo(200);
    }
}
