package io.strata.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meta-service bundle the tarball ships, black box over HTTP as curl would call it: the token
 * generated on first start, exact error envelopes, the instance/cluster/node lifecycle, key
 * printing, parallel add_node calls, and records surviving a restart. Every test uses its own
 * instance id, so the tests do not depend on each other.
 */
final class MetaServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Short, so that the FE drop safety window can be seen refusing and then allowing a drop. */
    private static final long FE_DROP_SAFE_TIME_MS = 3_000;

    private static final String OK = "{\n    \"code\": \"OK\",\n    \"msg\": \"\"\n}\n";
    private static final String CACHE_HELP = "Ms nodes memory cache may be inconsistent, pls check registry key may be"
            + " contain 127.0.0.1, and call get_instance api get instance info from fdb";
    private static final String E1 = "0110696e7374616e636500011072656772657373696f6e5f696e7374616e6365300001";

    private static StrataProcess node;
    private static String token;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(MetaServiceIT.class)
                .siteProperty("strata.metaservice.fe.drop.safe.time.ms", String.valueOf(FE_DROP_SAFE_TIME_MS));
        node.start();
        token = generatedToken();
        awaitServing();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private static String generatedToken() {
        Path file = node.home().resolve("data/meta-service/token");
        try {
            String text = Files.readString(file, UTF_8).strip();
            assertThat(text).as("generated token in %s", file).isNotEmpty();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** get_instance without arguments is a 400 from the meta-service itself (a 404 could be "no such route yet"). */
    private static void awaitServing() {
        node.awaitStatus(TIMEOUT, "/MetaService/http/get_instance?token=" + token, 400);
    }

    // ------------------------------------------------------------------ calls, as curl sends them

    private static String path(String call, String query) {
        return "/MetaService/http/" + call + "?token=" + URLEncoder.encode(token, UTF_8)
                + (query.isEmpty() ? "" : "&" + query);
    }

    /** {@code curl -d '<json>' ...}: a POST with curl's default form Content-Type carrying JSON. */
    private static HttpResponse<String> post(String call, String json) {
        return node.send(node.request(path(call, ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8))
                .build());
    }

    /** {@code curl -X GET -d '<json>' ...}. */
    private static HttpResponse<String> getWithBody(String call, String json) {
        return node.send(node.request(path(call, ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("GET", HttpRequest.BodyPublishers.ofString(json, UTF_8))
                .build());
    }

    /** {@link #getWithBody} over a socket that sends the body 300 ms after the headers; the whole answer. */
    private static String getWithLateBody(String call, String json) {
        byte[] body = json.getBytes(UTF_8);
        try (Socket socket = new Socket("127.0.0.1", node.httpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path(call, "") + " HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                            + "\r\n\r\n")
                    .getBytes(UTF_8));
            out.flush();
            Thread.sleep(300);
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(String call, String query) {
        return node.get(path(call, query));
    }

    private static void assertReply(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    private static void assertOk(HttpResponse<String> response) {
        assertReply(response, 200, OK);
    }

    /** The reference's error envelope, byte for byte: pretty-printed with 4 spaces and a trailing newline. */
    private static String error(String code, String msg) {
        return "{\n    \"code\": " + quote(code) + ",\n    \"msg\": " + quote(msg) + "\n}\n";
    }

    private static String quote(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    private static String objVaultInstance(String instanceId) {
        return """
                {
                  "instance_id": "%s",
                  "name": "sample_instance_name",
                  "user_id": "sample_user_id",
                  "ram_user": {"user_id": "ram_user_id", "ak": "ram_ak_1", "sk": "ram_sk_1"},
                  "vault": {
                    "obj_info": {
                      "ak": "ak_xxxxxxxxxxx",
                      "sk": "sk_xxxxxxxxxxx",
                      "bucket": "sample_bucket_name",
                      "prefix": "sample_prefix",
                      "endpoint": "cos.ap-beijing.myqcloud.com",
                      "external_endpoint": "cos.ap-beijing.myqcloud.com",
                      "region": "ap-beijing",
                      "provider": "COS"
                    }
                  }
                }""".formatted(instanceId);
    }

    private static String sqlCluster(String instanceId) {
        return ("{\"instance_id\": \"%1$s\", \"cluster\": {\"cluster_name\": \"RESERVED_CLUSTER_NAME_FOR_SQL_SERVER\","
                        + " \"cluster_id\": \"RESERVED_CLUSTER_ID_FOR_SQL_SERVER\", \"type\": \"SQL\", \"nodes\":"
                        + " [{\"cloud_unique_id\": \"1:%1$s:fe-1\", \"ip\": \"127.0.0.1\", \"edit_log_port\": 12103,"
                        + " \"node_type\": \"FE_MASTER\"}]}}")
                .formatted(instanceId);
    }

    private static String computeCluster(String instanceId) {
        return ("{\"instance_id\": \"%1$s\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"cluster_id\": \"cluster_id1\","
                        + " \"type\": \"COMPUTE\", \"nodes\": [{\"cloud_unique_id\": \"1:%1$s:be-1\", \"ip\": \"172.21.0.5\","
                        + " \"heartbeat_port\": 9050}]}}")
                .formatted(instanceId);
    }

    private static String computeNodes(String instanceId, String nodes) {
        return ("{\"instance_id\": \"%s\", \"cluster\": {\"cluster_name\": \"cluster_name1\", \"cluster_id\": \"cluster_id1\","
                        + " \"type\": \"COMPUTE\", \"nodes\": [%s]}}")
                .formatted(instanceId, nodes);
    }

    private static String computeNode(String cloudUniqueId, String ip, int heartbeatPort) {
        return "{\"cloud_unique_id\": \"%s\", \"ip\": \"%s\", \"heartbeat_port\": %d}"
                .formatted(cloudUniqueId, ip, heartbeatPort);
    }

    /** The cloud_unique_ids of the nodes of get_cluster's result. */
    private static Set<String> nodeIds(HttpResponse<String> getCluster) {
        assertThat(getCluster.statusCode()).as(getCluster.body()).isEqualTo(200);
        Set<String> ids = new LinkedHashSet<>();
        Json.parse(getCluster.body())
                .path("result")
                .path("nodes")
                .forEach(n -> ids.add(n.path("cloud_unique_id").asText()));
        return ids;
    }

    private static HttpResponse<String> getCluster(String cloudUniqueId, String clusterId) {
        return post(
                "get_cluster",
                "{\"cloud_unique_id\": \"" + cloudUniqueId + "\", \"cluster_id\": \"" + clusterId + "\"}");
    }

    // ------------------------------------------------------------------ tests

    @Test
    void testTokenIsCheckedFirstAndUnknownCallsAre404() {
        HttpResponse<String> missing = node.get("/MetaService/http/get_instance");
        assertReply(missing, 403, "incorrect token, token=(not given)\n");
        HttpResponse<String> wrong = node.get("/MetaService/http/get_instance?token=wrong_token");
        assertReply(wrong, 403, "incorrect token, token=wrong_token\n");
        // the same from the hot calls, which are served as kernel direct routes
        assertReply(
                node.get("/MetaService/http/add_node?token=wrong_token"), 403, "incorrect token, token=wrong_token\n");
        assertReply(node.get("/MetaService/http/v1/create_instance"), 403, "incorrect token, token=(not given)\n");
        // the token is checked before routing, also with a curl-style POST and for unknown calls
        HttpResponse<String> wrongPost = node.send(node.request("/MetaService/http/no_such_call?token=x")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{}", UTF_8))
                .build());
        assertReply(wrongPost, 403, "incorrect token, token=x\n");

        assertReply(get("no_such_call", ""), 404, error("NOT_FOUND", "unknown meta-service call: no_such_call"));
        assertReply(
                post("v1/no_such_call", "{}"), 404, error("NOT_FOUND", "unknown meta-service call: v1/no_such_call"));
        assertThat(error("NOT_FOUND", "unknown meta-service call: no_such_call"))
                .isEqualTo(
                        "{\n    \"code\": \"NOT_FOUND\",\n    \"msg\": \"unknown meta-service call: no_such_call\"\n}\n");
    }

    @Test
    void testInstanceClusterAndNodeLifecycle() {
        String id = "it_lifecycle";
        // instance with an object-storage vault
        assertOk(post("create_instance", objVaultInstance(id)));
        assertReply(
                post("v1/create_instance", objVaultInstance(id)),
                409,
                error("ALREADY_EXISTED", "instance already existed, instance_id=" + id + ", err=Ok"));
        HttpResponse<String> instance = get("get_instance", "instance_id=" + id);
        assertThat(instance.statusCode()).as(instance.body()).isEqualTo(200);
        JsonNode result = Json.parse(instance.body()).path("result");
        assertThat(Json.parse(instance.body()).path("code").asText()).isEqualTo("OK");
        assertThat(result.path("instance_id").asText()).isEqualTo(id);
        assertThat(result.path("user_id").asText()).isEqualTo("sample_user_id");
        assertThat(result.path("status").asText()).isEqualTo("NORMAL");
        assertThat(result.path("storage_vault_names").toString()).isEqualTo("[\"built_in_storage_vault\"]");
        assertThat(result.path("enable_storage_vault").asBoolean()).isTrue();
        assertReply(
                get("get_instance", "instance_id=it_no_such_instance"),
                500,
                "{\n    \"code\": \"INTERNAL_ERROR\",\n    \"msg\": \"failed to get instance, instance_id=it_no_such_instance err=KeyNotFound\",\n    \"result\": {}\n}\n");

        // SQL cluster: the master/follower rule, then a valid one
        String fe = "{\"cloud_unique_id\": \"1:" + id + ":fe-%d\", \"ip\": \"10.0.0.%d\", \"edit_log_port\": 9010,"
                + " \"node_type\": \"%s\"}";
        assertReply(
                post(
                        "add_cluster",
                        "{\"instance_id\": \"" + id
                                + "\", \"cluster\": {\"cluster_name\": \"s\", \"cluster_id\": \"s\","
                                + " \"type\": \"SQL\", \"nodes\": [" + fe.formatted(8, 8, "FE_MASTER") + ","
                                + fe.formatted(9, 9, "FE_FOLLOWER") + "]}}"),
                400,
                error(
                        "INVALID_ARGUMENT",
                        "cluster is SQL type, and use multi follower mode, cant set master node, master count: 1 follower count: 1"));
        assertOk(post("add_cluster", sqlCluster(id)));

        // COMPUTE cluster, and a duplicate cluster id
        assertOk(post("add_cluster", computeCluster(id)));
        assertReply(
                post("add_cluster", computeCluster(id)),
                409,
                error("ALREADY_EXISTED", "try to add a existing cluster id, existing_cluster_id=cluster_id1"));

        // add_node / drop_node
        String two = computeNodes(
                id,
                computeNode("1:" + id + ":be-2", "172.21.0.50", 9051) + ","
                        + computeNode("1:" + id + ":be-3", "172.21.0.52", 9052));
        assertOk(post("add_node", two));
        assertReply(
                post("add_node", two),
                400,
                error("INVALID_ARGUMENT", "compute node endpoint has been added, registered be node=172.21.0.50:9051"));
        // curl -X GET -d '{json}' works as well
        HttpResponse<String> cluster = getWithBody(
                "get_cluster", "{\"cloud_unique_id\": \"1:" + id + ":be-2\", \"cluster_id\": \"cluster_id1\"}");
        assertThat(nodeIds(cluster)).containsExactly("1:" + id + ":be-1", "1:" + id + ":be-2", "1:" + id + ":be-3");
        assertThat(cluster.body()).contains("\"status\": \"NODE_STATUS_RUNNING\"");
        // also when the body arrives well after the headers (the servlet must not take it for a form)
        String late = getWithLateBody(
                "get_cluster", "{\"cloud_unique_id\": \"1:" + id + ":be-2\", \"cluster_id\": \"cluster_id1\"}");
        assertThat(late).startsWith("HTTP/1.1 200").endsWith(cluster.body());
        assertReply(
                post(
                        "drop_node",
                        computeNodes(id, computeNode("1:" + id + ":be-77", "172.21.0.50", 9051))
                                .replace(", \"cluster_id\": \"cluster_id1\"", "")),
                404,
                error(
                        "NOT_FOUND",
                        "not found ,can not find to drop nodes by cloud_unique_id=1:" + id + ":be-77 instance_id=" + id
                                + " cluster_name=cluster_name1 cluster_id= help Msg=" + CACHE_HELP));
        assertOk(post("drop_node", two));
        assertThat(nodeIds(getCluster("1:" + id + ":be-1", "cluster_id1"))).containsExactly("1:" + id + ":be-1");

        // update_ak_sk: the same keys are refused, new ones land
        String rotate = "{\"instance_id\": \"" + id + "\", \"ram_user\": {\"user_id\": \"ram_user_id\","
                + " \"ak\": \"%s\", \"sk\": \"%s\"}}";
        assertReply(
                post("update_ak_sk", rotate.formatted("ram_ak_1", "ram_sk_1")),
                400,
                error("INVALID_ARGUMENT", "ak sk eq original, please check it"));
        assertReply(
                post("update_ak_sk", "{\"instance_id\": \"" + id + "\"}"),
                400,
                error("INVALID_ARGUMENT", "nothing to update"));
        assertOk(post("update_ak_sk", rotate.formatted("ram_ak_2", "ram_sk_2")));
        JsonNode ramUser = Json.parse(get("get_instance", "instance_id=" + id).body())
                .path("result")
                .path("ram_user");
        assertThat(ramUser.path("ak").asText()).isEqualTo("ram_ak_2");
        assertThat(ramUser.path("sk").asText()).isEqualTo("ram_sk_2");

        // set_cluster_status: allowed transitions, and one refused
        String status = "{\"cloud_unique_id\": \"1:" + id + ":be-1\", \"cluster\": {\"cluster_id\": \"cluster_id1\","
                + " \"cluster_status\": \"%s\"}}";
        assertReply(
                post("set_cluster_status", status.formatted("TO_RESUME")),
                400,
                error(
                        "INVALID_ARGUMENT",
                        "failed to set cluster status, original cluster is NORMAL and want set TO_RESUME"));
        for (String to : List.of("SUSPENDED", "TO_RESUME", "NORMAL", "MANUAL_SHUTDOWN")) {
            assertOk(post("v1/set_cluster_status", status.formatted(to)));
            assertThat(Json.parse(getCluster("1:" + id + ":be-1", "cluster_id1").body())
                            .path("result")
                            .path("cluster_status")
                            .asText())
                    .as(to)
                    .isEqualTo(to);
        }
        assertOk(post("set_cluster_status", status.formatted("NORMAL")));

        // drop clusters, then the instance
        assertReply(
                post(
                        "drop_cluster",
                        "{\"instance_id\": \"" + id
                                + "\", \"cluster\": {\"cluster_name\": \"2222\", \"cluster_id\": \"11111\"}}"),
                404,
                error(
                        "NOT_FOUND",
                        "failed to find cluster to drop, instance_id=" + id
                                + " cluster_id=11111 cluster_name=2222 help Msg=Ms nodes"
                                + " memory cache may be inconsistent, pls check registry key may be contain 127.0.0.1,"
                                + " and call get_instance api get instance info from fdb"));
        assertOk(post(
                "drop_cluster", "{\"instance_id\": \"" + id + "\", \"cluster\": {\"cluster_id\": \"cluster_id1\"}}"));
        assertReply(
                post("drop_instance", "{\"instance_id\": \"" + id + "\"}"),
                400,
                error("INVALID_ARGUMENT", "failed to drop instance, instance has clusters"));
        String dropSql = "{\"instance_id\": \"" + id
                + "\", \"cluster\": {\"cluster_id\": \"RESERVED_CLUSTER_ID_FOR_SQL_SERVER\"}}";
        Poll.await(
                Duration.ofMillis(FE_DROP_SAFE_TIME_MS).plus(TIMEOUT),
                "the SQL cluster can be dropped once its FE safety window has passed",
                () -> post("drop_cluster", dropSql),
                response -> {
                    if (response.statusCode() == 200) {
                        return true;
                    }
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
                    assertThat(response.body()).contains("drop fe cluster not in safe time, try later");
                    return false;
                });
        assertReply(
                post("drop_instance", "{\"instance_id\": \"it_no_such_instance\"}"),
                404,
                error("NOT_FOUND", "instance not existed, instance_id=it_no_such_instance, err=KeyNotFound"));
        assertOk(post("drop_instance", "{\"instance_id\": \"" + id + "\"}"));
        assertThat(Json.parse(get("get_instance", "instance_id=" + id).body())
                        .path("result")
                        .path("status")
                        .asText())
                .isEqualTo("DELETED");
        assertReply(
                post("add_cluster", computeCluster(id)),
                404,
                error("NOT_FOUND", "instance status has been set delete, plz check it"));
    }

    @Test
    void testVirtualClusters() {
        String id = "it_virtual";
        assertOk(post("create_instance", objVaultInstance(id)));
        String compute = "{\"instance_id\": \"%s\", \"cluster\": {\"cluster_name\": \"%s\", \"cluster_id\": \"%s\","
                + " \"type\": \"COMPUTE\"}}";
        assertOk(post("add_cluster", compute.formatted(id, "c1", "c1")));
        assertOk(post("add_cluster", compute.formatted(id, "c2", "c2")));
        String virtual = "{\"instance_id\": \"" + id
                + "\", \"cluster\": {\"cluster_name\": \"v1\", \"cluster_id\": \"v1\"," + " \"type\": \"VIRTUAL\"%s}}";
        String policy = ", \"cluster_names\": [\"c1\", \"c2\"], \"cluster_policy\": {\"type\": \"ActiveStandby\","
                + " \"active_cluster_name\": \"%s\", \"standby_cluster_names\": [\"%s\"]}";

        // the argument rules, each a 400 with the reference's text
        assertReply(
                post("add_cluster", virtual.formatted(", \"public_endpoint\": \"p\"")),
                400,
                error("INVALID_ARGUMENT", "Inconsistent virtual cluster args"));
        assertReply(
                post("add_cluster", virtual.formatted(", \"cluster_names\": [\"c1\", \"c2\"]")),
                400,
                error(
                        "INVALID_ARGUMENT",
                        "subcgs and policy must be Incoming at the same time or do not transmit at the same time"));
        assertReply(
                post("add_cluster", virtual.formatted(policy.formatted("c1", "c1"))),
                400,
                error("INVALID_ARGUMENT", "active_cluster_name is same of standby_cluster_name"));
        assertReply(
                post("add_cluster", virtual.formatted(policy.formatted("c3", "c2"))),
                400,
                error("INVALID_ARGUMENT", "active_cluster_name must not be empty and must be in cluster_names"));

        // a virtual cluster over two COMPUTE clusters, kept with the default thresholds
        assertOk(post("add_cluster", virtual.formatted(policy.formatted("c1", "c2"))));
        JsonNode group = Json.parse(getCluster("1:" + id + ":x", "v1").body()).path("result");
        assertThat(group.path("type").asText()).isEqualTo("VIRTUAL");
        assertThat(group.path("cluster_names").toString()).isEqualTo("[\"c1\",\"c2\"]");
        assertThat(group.path("cluster_policy").toString())
                .isEqualTo(
                        "{\"type\":\"ActiveStandby\",\"active_cluster_name\":\"c1\",\"standby_cluster_names\":[\"c2\"],"
                                + "\"failover_failure_threshold\":\"3\",\"unhealthy_node_threshold_percent\":\"100\"}");
        assertReply(
                post("add_cluster", virtual.replace("v1", "v2").formatted(policy.formatted("c2", "c1"))),
                400,
                error("INVALID_ARGUMENT", "sub cluster c1 has been add by other vcg=v1"));

        // alter_vcluster_info merges policy fields; a sub-cluster is dropped only after its virtual cluster
        String alter =
                "{\"instance_id\": \"" + id + "\", \"cluster\": {\"cluster_id\": \"v1\", \"cluster_policy\": %s}}";
        assertOk(post(
                "v1/alter_vcluster_info",
                alter.formatted("{\"active_cluster_name\": \"c2\", \"standby_cluster_names\": [\"c1\"]}")));
        assertReply(
                post("alter_vcluster_info", alter.formatted("{\"unhealthy_node_threshold_percent\": 0}")),
                400,
                error(
                        "INVALID_ARGUMENT",
                        "unhealthy_node_threshold_percent must be greater than 0 and less than or equal to 100"));
        assertThat(Json.parse(getCluster("1:" + id + ":x", "v1").body())
                        .path("result")
                        .path("cluster_policy")
                        .path("active_cluster_name")
                        .asText())
                .isEqualTo("c2");
        String dropC1 = "{\"instance_id\": \"" + id + "\", \"cluster\": {\"cluster_id\": \"c1\"}}";
        assertReply(
                post("drop_cluster", dropC1),
                409,
                error(
                        "ALREADY_EXISTED",
                        "failed to drop cluster, this cluster owned by virtual cluster=v1 if you want drop this cluster,"
                                + " please drop virtual cluster=v1 firstly"));
        assertOk(post("drop_cluster", "{\"instance_id\": \"" + id + "\", \"cluster\": {\"cluster_id\": \"v1\"}}"));
        assertOk(post("drop_cluster", dropC1));
    }

    @Test
    void testGetValue() {
        String id = "it_get_value";
        assertOk(post("create_instance", objVaultInstance(id)));
        // the record as kept: compact JSON, keys still encrypted
        HttpResponse<String> value = get("get_value", "key_type=InstanceKey&instance_id=" + id);
        assertThat(value.statusCode()).as(value.body()).isEqualTo(200);
        assertThat(value.body())
                .startsWith("{\"user_id\":\"sample_user_id\",\"instance_id\":\"" + id + "\"")
                .endsWith("}\n")
                .doesNotContain("ram_ak_1", "ram_sk_1");
        assertReply(
                get("get_value", "key_type=InstanceKey&instance_id=it_no_such_instance"),
                500,
                error(
                        "INTERNAL_ERROR",
                        "kv not found, key=0110696e7374616e6365000110" + hex("it_no_such_instance") + "0001"));
        assertReply(
                get("get_value", "key_type=TxnLabelKey&instance_id=" + id),
                400,
                error("INVALID_ARGUMENT", "db_id is not given or empty"));
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(UTF_8));
    }

    @Test
    void testDecodeAndEncodeKeyReproduceTheWorkedExamples() {
        String art = ""
                + "┌───────────────────────── 0. key space: 1\n"
                + "│ ┌─────────────────────── 1. instance\n"
                + "│ │                     ┌─ 2. %s\n"
                + "│ │                     │ \n"
                + "▼ ▼                     ▼ \n";
        HttpResponse<String> decoded = get("decode_key", "key=" + E1);
        assertReply(decoded, 200, art.formatted("regression_instance0") + E1 + "\n\n");
        assertReply(
                get("v1/decode_key", "key=" + E1 + "&unicode=false"),
                200,
                ""
                        + "/------------------------- 0. key space: 1\n"
                        + "| /----------------------- 1. instance\n"
                        + "| |                     /- 2. regression_instance0\n"
                        + "| |                     | \n"
                        + "v v                     v \n"
                        + E1 + "\n\n");
        assertReply(
                get("encode_key", "key_type=InstanceKey&instance_id=test"),
                200,
                art.formatted("test")
                        + "0110696e7374616e6365000110746573740001\n"
                        + "\\x01\\x10\\x69\\x6e\\x73\\x74\\x61\\x6e\\x63\\x65\\x00\\x01\\x10\\x74\\x65\\x73\\x74\\x00\\x01\n\n");
        assertReply(get("decode_key", "key=0199"), 400, error("INVALID_ARGUMENT", "failed to decode key, key=0199"));
    }

    @Test
    void testParallelAddNodesAllLand() {
        String id = "it_parallel";
        assertOk(post("create_instance", "{\"instance_id\": \"" + id + "\"}"));
        assertOk(post("add_cluster", computeCluster(id)));
        int callers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                String body = computeNodes(id, computeNode("1:" + id + ":node-" + i, "10.1.0." + i, 9050));
                replies.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                            return post("add_node", body);
                        },
                        pool));
            }
            go.countDown();
            for (CompletableFuture<HttpResponse<String>> reply : replies) {
                assertOk(reply.get(60, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            throw new AssertionError("parallel add_node failed", e);
        } finally {
            pool.shutdownNow();
        }
        Set<String> expected = new LinkedHashSet<>();
        expected.add("1:" + id + ":be-1");
        for (int i = 0; i < callers; i++) {
            expected.add("1:" + id + ":node-" + i);
        }
        assertThat(nodeIds(getCluster("1:" + id + ":node-31", "cluster_id1")))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void testRecordsSurviveARestart() {
        String id = "it_restart";
        assertOk(post("create_instance", objVaultInstance(id)));
        assertOk(post("add_cluster", sqlCluster(id)));
        assertOk(post("add_cluster", computeCluster(id)));
        assertOk(post("add_node", computeNodes(id, computeNode("1:" + id + ":be-2", "172.21.0.50", 9051))));
        HttpResponse<String> instanceBefore = get("get_instance", "instance_id=" + id);
        assertThat(instanceBefore.statusCode()).as(instanceBefore.body()).isEqualTo(200);
        String computeBefore = getCluster("1:" + id + ":be-2", "cluster_id1").body();
        String sqlBefore = getCluster("1:" + id + ":fe-1", "RESERVED_CLUSTER_ID_FOR_SQL_SERVER")
                .body();

        node.stop();
        node.start();
        assertThat(generatedToken()).as("the generated token is kept").isEqualTo(token);
        awaitServing();

        assertReply(get("get_instance", "instance_id=" + id), 200, instanceBefore.body());
        // resolved through the cloud_unique_id index rebuilt at start
        HttpResponse<String> compute = Poll.await(
                TIMEOUT,
                "get_cluster resolves 1:" + id + ":be-2 after the restart",
                () -> getCluster("1:" + id + ":be-2", "cluster_id1"),
                response -> response.statusCode() == 200);
        assertThat(compute.body()).isEqualTo(computeBefore);
        assertThat(nodeIds(compute)).containsExactly("1:" + id + ":be-1", "1:" + id + ":be-2");
        HttpResponse<String> sql = getCluster("1:" + id + ":fe-1", "RESERVED_CLUSTER_ID_FOR_SQL_SERVER");
        assertReply(sql, 200, sqlBefore);
        assertThat(nodeIds(sql)).containsExactly("1:" + id + ":fe-1");
    }
}
