package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.TestingMetaService.OK;
import static io.strata.meta.service.internal.TestingMetaService.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.meta.service.internal.TestingMetaService.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token, routing, envelopes and the instance calls, through the resource over a real ZooKeeper. */
final class TestMetaServiceInstances {
    static final String OBJ_INSTANCE = """
            {
              "instance_id": "sample_instance_id",
              "name": "sample_instance_name",
              "user_id": "sample_user_id",
              "obj_info": {
                "ak": "ak_xxxxxxxxxxx",
                "sk": "sk_xxxxxxxxxxx",
                "bucket": "sample_bucket_name",
                "prefix": "/sample_prefix/",
                "endpoint": "cos.ap-beijing.myqcloud.com",
                "external_endpoint": "cos.ap-beijing.myqcloud.com",
                "region": "ap-beijing",
                "provider": "COS"
              }
            }""";

    private TestingMetaService meta;

    @BeforeEach
    void setUp() throws Exception {
        meta = new TestingMetaService();
    }

    @AfterEach
    void tearDown() throws Exception {
        meta.close();
    }

    @Test
    void testTokenIsCheckedFirstInPlainText() {
        assertThat(meta.raw("get_instance", Map.of("token", "invalid_token"), null))
                .isEqualTo(new Reply(403, "incorrect token, token=invalid_token\n"));
        assertThat(meta.raw("get_instance", Map.of(), null))
                .isEqualTo(new Reply(403, "incorrect token, token=(not given)\n"));
        assertThat(meta.raw("get_instance", Map.of("token", ""), null))
                .isEqualTo(new Reply(403, "incorrect token, token=(not given)\n"));
        // before routing, even for unknown calls
        assertThat(meta.raw("no_such_call", Map.of("token", "x"), null))
                .isEqualTo(new Reply(403, "incorrect token, token=x\n"));
    }

    @Test
    void testUnknownCallIs404() {
        assertThat(meta.call("no_such_call", null))
                .isEqualTo(new Reply(404, error("NOT_FOUND", "unknown meta-service call: no_such_call")));
        // registered without v1/ only
        assertThat(meta.call("v1/notify_decommissioned", "{}").status()).isEqualTo(404);
        assertThat(meta.call("v1/show_storage_vaults", "{}").status()).isEqualTo(404);
    }

    @Test
    void testCreateInstanceWithObjectStorage() {
        assertThat(meta.call("create_instance", OBJ_INSTANCE)).isEqualTo(new Reply(200, OK));
        Reply reply = meta.call("get_instance", Map.of("instance_id", "sample_instance_id"), null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("""
                {
                    "code": "OK",
                    "msg": "",
                    "result": {
                        "user_id": "sample_user_id",
                        "instance_id": "sample_instance_id",
                        "name": "sample_instance_name",
                        "obj_info": [
                            {
                                "ctime": "1795392000",
                                "mtime": "1795392000",
                                "id": "1",
                                "ak": "ak_xxxxxxxxxxx",
                                "sk": "sk_xxxxxxxxxxx",
                                "bucket": "sample_bucket_name",
                                "prefix": "sample_prefix",
                                "endpoint": "cos.ap-beijing.myqcloud.com",
                                "region": "ap-beijing",
                                "provider": "COS",
                                "external_endpoint": "cos.ap-beijing.myqcloud.com",
                                "encryption_info": {
                                    "encryption_method": "AES_256_GCM",
                                    "key_id": "1"
                                },
                                "sse_enabled": false
                            }
                        ],
                        "status": "NORMAL",
                        "iam_user": {
                            "user_id": "",
                            "ak": "",
                            "sk": "",
                            "external_id": "sample_instance_id"
                        },
                        "sse_enabled": false,
                        "enable_storage_vault": false
                    }
                }
                """);
        assertThat(meta.call("v1/create_instance", OBJ_INSTANCE))
                .isEqualTo(new Reply(
                        409,
                        error("ALREADY_EXISTED", "instance already existed, instance_id=sample_instance_id, err=Ok")));
    }

    @Test
    void testCreateInstanceWithHdfsVault() {
        assertThat(meta.call("create_instance", """
                {"instance_id": "hdfs_instance", "name": "n", "user_id": "u",
                 "vault": {"hdfs_info": {"build_conf": {"fs_name": "hdfs://172.21.0.44:4007", "user": "hadoop",
                   "hdfs_confs": [{"key": "hadoop.security.authentication", "value": "kerberos"}]}, "prefix": "sample_prefix"}}}
                """)).isEqualTo(new Reply(200, OK));
        Reply reply = meta.call("get_instance", Map.of("instance_id", "hdfs_instance"), null);
        assertThat(reply.body())
                .contains(
                        "\"resource_ids\": [\n            \"1\"\n        ]",
                        "\"storage_vault_names\": [\n            \"built_in_storage_vault\"\n        ]",
                        "\"enable_storage_vault\": true");
        assertThat(meta.call("create_instance", """
                {"instance_id": "bad_prefix", "vault": {"hdfs_info": {"build_conf": {"fs_name": "x"}, "prefix": "hdfs://a/b"}}}
                """))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "invalid prefix: hdfs://a/b")));
        assertThat(meta.call("create_instance", """
                {"instance_id": "bad_fs", "vault": {"hdfs_info": {"build_conf": {"fs_name": ""}, "prefix": "p"}}}
                """))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "invalid fs_name: ")));
    }

    @Test
    void testCreateInstanceRules() {
        assertThat(meta.call(
                        "create_instance",
                        "{\"instance_id\": \"x\", \"ram_user\": {\"user_id\": \"u\", \"ak\": \"a\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "ram user info err, please check it")));
        assertThat(meta.call(
                        "create_instance",
                        "{\"instance_id\": \"x\", \"obj_info\": {\"ak\": \"a\", \"sk\": \"s\", \"bucket\": \"b\","
                                + " \"endpoint\": \"e\", \"region\": \"r\", \"provider\": \"S3\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "s3 conf info err, please check it")));
        assertThat(meta.call("create_instance", "{\"name\": \"x\"}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "instance id not set")));
        // any bytes in an id; unknown fields ignored; camelCase names and enum numbers accepted
        assertThat(meta.call(
                                "create_instance",
                                "{\"instance_id\": \"a/b c\", \"unknown\": 1, \"userId\": \"camel\", \"sse_enabled\": \"true\"}")
                        .status())
                .isEqualTo(200);
        assertThat(meta.call("get_instance", Map.of("instance_id", "a/b c"), null)
                        .body())
                .contains("\"user_id\": \"camel\"", "\"sse_enabled\": true");
    }

    @Test
    void testMalformedBodies() {
        assertThat(meta.call("create_instance", "").body())
                .startsWith(
                        "{\n    \"code\": \"INVALID_ARGUMENT\",\n    \"msg\": \"parse http request 'create_instance': ");
        assertThat(meta.call("v1/create_instance", "{\"instance_id\": ").body())
                .contains("parse http request 'v1/create_instance': ");
        assertThat(meta.call(
                                "add_cluster",
                                "{\"instance_id\": \"i\", \"cluster\": {\"nodes\": [{\"heartbeat_port\": \"abc\"}]}}")
                        .status())
                .isEqualTo(400);
        // numeric strings are numbers, as protobuf's JSON parser takes them
        meta.call("create_instance", "{\"instance_id\": \"i\"}");
        assertThat(meta.call("add_cluster", """
                {"instance_id": "i", "cluster": {"cluster_name": "c", "cluster_id": "c", "type": "COMPUTE",
                 "nodes": [{"cloud_unique_id": "1:i:a", "ip": "127.0.0.1", "heartbeat_port": "9050"}]}}
                """)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_cluster", "{\"cloud_unique_id\": \"1:i:a\", \"cluster_id\": \"c\"}")
                        .body())
                .contains("\"heartbeat_port\": 9050");
    }

    @Test
    void testGetInstanceErrorsCarryResult() {
        assertThat(meta.call("get_instance", null))
                .isEqualTo(
                        new Reply(
                                400,
                                "{\n    \"code\": \"INVALID_ARGUMENT\",\n    \"msg\": \"empty instance_id and cloud_unique_id\",\n    \"result\": {}\n}\n"));
        assertThat(meta.call("get_instance", Map.of("cloud_unique_id", "1:nope:x"), null))
                .isEqualTo(
                        new Reply(
                                400,
                                "{\n    \"code\": \"INVALID_ARGUMENT\",\n    \"msg\": \"cannot find instance_id with cloud_unique_id=1:nope:x\",\n    \"result\": {}\n}\n"));
        assertThat(meta.call("get_instance", Map.of("instance_id", "nope"), null))
                .isEqualTo(
                        new Reply(
                                500,
                                "{\n    \"code\": \"INTERNAL_ERROR\",\n    \"msg\": \"failed to get instance, instance_id=nope err=KeyNotFound\",\n    \"result\": {}\n}\n"));
    }

    @Test
    void testAlterInstance() {
        meta.call("create_instance", OBJ_INSTANCE);
        String body = "{\"instance_id\": \"sample_instance_id\"}";
        assertThat(meta.call("rename_instance", body))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "rename instance name, but not set")));
        assertThat(meta.call("rename_instance", "{\"instance_id\": \"sample_instance_id\", \"name\": \"renamed\"}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("enable_instance_sse", body)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("enable_instance_sse", body))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "failed to enable sse, instance has enabled sse")));
        assertThat(meta.call("get_instance", Map.of("instance_id", "sample_instance_id"), null)
                        .body())
                .contains("\"name\": \"renamed\"", "\"sse_enabled\": true");
        assertThat(meta.call("disable_instance_sse", body)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("disable_instance_sse", body))
                .isEqualTo(
                        new Reply(400, error("INVALID_ARGUMENT", "failed to disable sse, instance has disabled sse")));

        assertThat(meta.call("set_instance_status", body))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "invalid request op, op=0")));
        assertThat(meta.call(
                        "set_instance_status", "{\"instance_id\": \"sample_instance_id\", \"op\": \"SET_NORMAL\"}"))
                .isEqualTo(new Reply(
                        400,
                        error("INVALID_ARGUMENT", "the instance is already normal, instance_id = sample_instance_id")));
        assertThat(meta.call(
                        "set_instance_status", "{\"instance_id\": \"sample_instance_id\", \"op\": \"SET_OVERDUE\"}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call(
                        "set_instance_status", "{\"instance_id\": \"sample_instance_id\", \"op\": \"SET_OVERDUE\"}"))
                .isEqualTo(
                        new Reply(
                                400,
                                error(
                                        "INVALID_ARGUMENT",
                                        "the instance has already set  instance to overdue, instance_id = sample_instance_id")));
        assertThat(meta.call("set_instance_status", "{\"instance_id\": \"sample_instance_id\", \"op\": 7}"))
                .isEqualTo(new Reply(200, OK));

        assertThat(meta.call("drop_instance", "{\"instance_id\": \"nope\"}"))
                .isEqualTo(
                        new Reply(404, error("NOT_FOUND", "instance not existed, instance_id=nope, err=KeyNotFound")));
        assertThat(meta.call("drop_instance", "{}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "instance id not set")));
        assertThat(meta.call("drop_instance", body)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("drop_instance", body)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_instance", Map.of("instance_id", "sample_instance_id"), null)
                        .body())
                .contains("\"status\": \"DELETED\"");
        assertThat(meta.call(
                        "set_instance_status", "{\"instance_id\": \"sample_instance_id\", \"op\": \"SET_NORMAL\"}"))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "can't set deleted instance to normal, instance_id = sample_instance_id")));
        // a dropped id stays taken
        assertThat(meta.call("create_instance", OBJ_INSTANCE).status()).isEqualTo(409);
    }

    @Test
    void testDropInstanceWithClusters() {
        meta.call("create_instance", "{\"instance_id\": \"i\"}");
        meta.call(
                "add_cluster",
                "{\"instance_id\": \"i\", \"cluster\": {\"cluster_name\": \"c\", \"cluster_id\": \"c\", \"type\": \"COMPUTE\"}}");
        assertThat(meta.call("drop_instance", "{\"instance_id\": \"i\"}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "failed to drop instance, instance has clusters")));
    }

    @Test
    void testLowerCamelCaseFieldNames() {
        // protobuf's JSON parser takes lowerCamelCase names too, at any depth
        assertThat(meta.call("create_instance", "{\"instanceId\": \"i\", \"userId\": \"u\"}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("add_cluster", """
                {"instance_id": "i", "cluster": {"clusterName": "c", "clusterId": "c", "type": "COMPUTE",
                 "nodes": [{"cloudUniqueId": "1:i:a", "ip": "127.0.0.1", "heartbeatPort": 9050}]}}
                """)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_cluster", "{\"cloudUniqueId\": \"1:i:a\", \"cluster_id\": \"c\"}")
                        .body())
                .contains("\"cluster_name\": \"c\"", "\"heartbeat_port\": 9050");
        // a bad value is reported alike whether or not some name needed renaming
        Reply snake = meta.call(
                "add_cluster", "{\"instance_id\": \"i\", \"cluster\": {\"nodes\": [{\"heartbeat_port\": \"abc\"}]}}");
        Reply camel = meta.call(
                "add_cluster", "{\"instanceId\": \"i\", \"cluster\": {\"nodes\": [{\"heartbeat_port\": \"abc\"}]}}");
        assertThat(snake.status()).isEqualTo(400);
        assertThat(snake.body())
                .contains("parse http request 'add_cluster': INVALID_ARGUMENT:(cluster.nodes.[0].heartbeat_port): ");
        assertThat(camel).isEqualTo(snake);
    }

    @Test
    void testPreRenderedOkIsTheRenderedEnvelope() {
        assertThat(MetaServiceResource.OK)
                .isEqualTo(TestingMetaService.render(new MetaServiceResource.Envelope("OK", "", null)))
                .isEqualTo(OK);
    }

    @Test
    void testCallsAreTimed() {
        meta.call("get_instance", null);
        meta.call("v1/get_instance", null);
        assertThat(meta.metrics()
                        .getTimers()
                        .get("strata.metaservice.call{call=get_instance}")
                        .getCount())
                .isEqualTo(2);
    }
}
