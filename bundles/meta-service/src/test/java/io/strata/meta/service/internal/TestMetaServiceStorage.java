package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.TestingMetaService.OK;
import static io.strata.meta.service.internal.TestingMetaService.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.meta.service.internal.TestingMetaService.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Object storage entries, AK/SK rotation and storage vaults (behaviour file §5.5). */
final class TestMetaServiceStorage {
    private static final String CUID = "1:sample_instance_id:node";

    private TestingMetaService meta;

    @BeforeEach
    void setUp() throws Exception {
        meta = new TestingMetaService();
        assertThat(meta.call("create_instance", TestMetaServiceInstances.OBJ_INSTANCE))
                .isEqualTo(new Reply(200, OK));
    }

    @AfterEach
    void tearDown() throws Exception {
        meta.close();
    }

    private static String obj(String fields) {
        return "{\"cloud_unique_id\": \"" + CUID + "\", \"obj\": {" + fields + "}}";
    }

    @Test
    void testGetObjStoreInfo() {
        Reply reply = meta.call("get_obj_store_info", "{\"cloud_unique_id\": \"" + CUID + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .startsWith("""
                {
                    "code": "OK",
                    "msg": "",
                    "result": {
                        "status": {
                            "code": "OK",
                            "msg": ""
                        },
                        "obj_info": [
                """)
                .contains(
                        "\"ak\": \"ak_xxxxxxxxxxx\"", "\"sk\": \"sk_xxxxxxxxxxx\"", "\"enable_storage_vault\": false");
        assertThat(meta.call("get_obj_store_info", "{}")).isEqualTo(new Reply(400, """
                {
                    "code": "INVALID_ARGUMENT",
                    "msg": "cloud unique id not set",
                    "result": {
                        "status": {
                            "code": "INVALID_ARGUMENT",
                            "msg": "cloud unique id not set"
                        }
                    }
                }
                """));
        assertThat(meta.call("show_storage_vaults", "{\"cloud_unique_id\": \"1:nope:x\"}")
                        .body())
                .contains("\"msg\": \"empty instance_id\"");
    }

    @Test
    void testAddObjInfoRules() {
        String good =
                "\"ak\": \"test-ak91\", \"sk\": \"test-sk1\", \"bucket\": \"test-bucket\", \"prefix\": \"test-prefix\","
                        + " \"endpoint\": \"test-endpoint\", \"region\": \"test-region\", \"provider\": \"S3\"";
        assertThat(meta.call("add_obj_info", "{\"cloud_unique_id\": \"" + CUID + "\"}"))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "s3 obj info err {\"cloud_unique_id\":\"" + CUID + "\",\"op\":\"ADD_OBJ_INFO\"}")));
        assertThat(meta.call("add_obj_info", obj("\"ak\": \"" + "a".repeat(1100) + "\", \"sk\": \"s\""))
                        .body())
                .contains("s3 obj info greater than 1k {");
        assertThat(meta.call("add_obj_info", obj("\"ak\": \"a\"")))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "s3 obj info err {\"cloud_unique_id\":\"" + CUID
                                        + "\",\"obj\":{\"ak\":\"a\"},\"op\":\"ADD_OBJ_INFO\"}")));
        assertThat(meta.call("add_obj_info", obj("\"ak\": \"a\", \"sk\": \"s\", \"role_arn\": \"arn\"")))
                .isEqualTo(new Reply(
                        400,
                        error("INVALID_ARGUMENT", "invaild argument, both set ak/sk and role_arn is not allowed")));
        assertThat(meta.call("add_obj_info", "{\"obj\": {" + good + "}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "cloud unique id not set")));
        assertThat(meta.call("add_obj_info", obj("\"ak\": \"a\", \"sk\": \"s\", \"bucket\": \"b\"")))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "s3 conf lease provider info")));
        assertThat(
                        meta.call(
                                "add_obj_info",
                                obj(
                                        "\"ak\": \"a\", \"sk\": \"s\", \"bucket\": \"b\", \"provider\": \"S3\", \"endpoint\": \"e\", \"region\": \"r\"")))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "s3 conf info err, please check it")));
        assertThat(meta.call("add_obj_info", obj(good))).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("add_obj_info", obj(good)))
                .isEqualTo(new Reply(
                        400, error("INVALID_ARGUMENT", "original obj infos has a same conf, please check it")));
        assertThat(meta.call("get_obj_store_info", "{\"cloud_unique_id\": \"" + CUID + "\"}")
                        .body())
                .contains("\"id\": \"2\"", "\"ak\": \"test-ak91\"");
        for (int i = 3; i <= 10; i++) {
            assertThat(meta.call("v1/add_obj_info", obj(good.replace("test-bucket", "bucket-" + i))))
                    .as("entry " + i)
                    .isEqualTo(new Reply(200, OK));
        }
        assertThat(meta.call("add_obj_info", obj(good.replace("test-bucket", "bucket-11"))))
                .isEqualTo(new Reply(
                        500,
                        error(
                                "INTERNAL_ERROR",
                                "this instance history has greater than 10 objs, please new another instance")));
    }

    @Test
    void testAddObjInfoOnVaultInstance() {
        meta.call(
                "create_instance",
                "{\"instance_id\": \"v\", \"vault\": {\"hdfs_info\": {\"build_conf\": {\"fs_name\": \"hdfs://h:1\"}}}}");
        assertThat(meta.call(
                        "add_obj_info", "{\"cloud_unique_id\": \"1:v:n\", \"obj\": {\"ak\": \"a\", \"sk\": \"s\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "Storage vault doesn't support add obj info")));
    }

    @Test
    void testLegacyUpdateAkSk() {
        assertThat(meta.call("legacy_update_ak_sk", obj("\"ak\": \"new-ak\", \"sk\": \"new-sk\"")))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "id invalid, please check it")));
        assertThat(meta.call("legacy_update_ak_sk", obj("\"id\": \"2\", \"ak\": \"new-ak\", \"sk\": \"new-sk\"")))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "id invalid, please check it")));
        // the same keys: OK, nothing written
        assertThat(meta.call(
                        "legacy_update_ak_sk",
                        obj("\"id\": \"1\", \"ak\": \"ak_xxxxxxxxxxx\", \"sk\": \"sk_xxxxxxxxxxx\"")))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("legacy_update_ak_sk", obj("\"id\": \"1\", \"ak\": \"new-ak\", \"sk\": \"new-sk\"")))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_instance", Map.of("instance_id", "sample_instance_id"), null)
                        .body())
                .contains("\"ak\": \"new-ak\"", "\"sk\": \"new-sk\"");
        String stored = new String(meta.store().raw("sample_instance_id").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("new-ak", "new-sk", "ak_xxxxxxxxxxx");
    }

    @Test
    void testUpdateAkSk() {
        meta.call("create_instance", """
                {"instance_id": "r", "obj_info": {"ak": "a1", "sk": "s1", "bucket": "b", "endpoint": "e", "external_endpoint": "e", "region": "r",
                 "provider": "OBS", "user_id": "bucket_user_id_1"}, "ram_user": {"user_id": "ram_user_id", "ak": "ra", "sk": "rs"}}""");
        assertThat(meta.call("update_ak_sk", "{}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "instance id not set")));
        assertThat(meta.call("update_ak_sk", "{\"instance_id\": \"r\"}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "nothing to update")));
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"r\", \"ram_user\": {\"user_id\": \"ram_user_id\", \"ak\": \"ra\", \"sk\": \"rs\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "ak sk eq original, please check it")));
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"r\", \"ram_user\": {\"user_id\": \"other\", \"ak\": \"x\", \"sk\": \"y\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "ram user_id err")));
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"sample_instance_id\", \"ram_user\": {\"user_id\": \"u\", \"ak\": \"x\", \"sk\": \"y\"}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "instance doesn't have ram user info")));
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"r\", \"internal_bucket_user\": [{\"user_id\": \"bucket_user_id_1\", \"ak\": \"a1\", \"sk\": \"s1\"}]}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "ak sk eq original, please check it")));
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"r\", \"internal_bucket_user\": [{\"user_id\": \"nobody\", \"ak\": \"a\", \"sk\": \"s\"}]}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "fail to find the alter obj info")));
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"nope\", \"internal_bucket_user\": [{\"user_id\": \"u\", \"ak\": \"a\", \"sk\": \"s\"}]}"))
                .isEqualTo(new Reply(
                        500, error("INTERNAL_ERROR", "failed to get instance, instance_id=nope err=KeyNotFound")));
        assertThat(meta.call("update_ak_sk", """
                {"instance_id": "r", "internal_bucket_user": [{"user_id": "bucket_user_id_1", "ak": "a2", "sk": "s2"}],
                 "ram_user": {"user_id": "ram_user_id", "ak": "ra2", "sk": "rs2"}}""")).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_instance", Map.of("instance_id", "r"), null).body())
                .contains("\"ak\": \"a2\"", "\"sk\": \"rs2\"");
        // a legacy entry without user_id takes the one user given
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"sample_instance_id\", \"internal_bucket_user\": [{\"user_id\": \"u1\", \"ak\": \"n\", \"sk\": \"m\"}]}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_instance", Map.of("instance_id", "sample_instance_id"), null)
                        .body())
                .contains("\"user_id\": \"u1\"");
        meta.call("drop_instance", "{\"instance_id\": \"r\"}");
        assertThat(
                        meta.call(
                                "update_ak_sk",
                                "{\"instance_id\": \"r\", \"ram_user\": {\"user_id\": \"ram_user_id\", \"ak\": \"z\", \"sk\": \"z\"}}"))
                .isEqualTo(new Reply(404, error("NOT_FOUND", "instance status has been set delete, plz check it")));
    }

    @Test
    void testVaults() {
        meta.call(
                "create_instance",
                "{\"instance_id\": \"v\", \"vault\": {\"hdfs_info\": {\"build_conf\": {\"fs_name\": \"hdfs://h:1\"}, \"prefix\": \"p\"}}}");
        String s3 =
                "{\"cloud_unique_id\": \"1:v:n\", \"vault\": {\"name\": \"s3_vault\", \"obj_info\": {\"ak\": \"a\", \"sk\": \"s\", \"bucket\": \"b\","
                        + " \"endpoint\": \"e\", \"external_endpoint\": \"e\", \"region\": \"r\", \"provider\": \"S3\"}}}";
        assertThat(meta.call("add_s3_vault", s3)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("add_s3_vault", s3))
                .isEqualTo(new Reply(409, error("ALREADY_EXISTED", "vault_name=s3_vault already created")));
        assertThat(
                        meta.call(
                                "add_hdfs_vault",
                                "{\"cloud_unique_id\": \"1:v:n\", \"vault\": {\"name\": \"h2\", \"hdfs_info\": {\"build_conf\": {\"fs_name\": \"hdfs://x:1\"}}}}"))
                .isEqualTo(new Reply(200, OK));
        Reply vaults = meta.call("show_storage_vaults", "{\"cloud_unique_id\": \"1:v:n\"}");
        assertThat(vaults.body())
                .contains(
                        "\"name\": \"built_in_storage_vault\"",
                        "\"name\": \"s3_vault\"",
                        "\"name\": \"h2\"",
                        "\"id\": \"3\"",
                        "\"ak\": \"a\"");
        assertThat(meta.call(
                        "alter_s3_vault",
                        "{\"cloud_unique_id\": \"1:v:n\", \"vault\": {\"name\": \"s3_vault\", \"alter_name\": \"renamed\","
                                + " \"obj_info\": {\"ak\": \"a2\", \"sk\": \"s2\"}}}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("drop_s3_vault", "{\"cloud_unique_id\": \"1:v:n\", \"vault\": {\"name\": \"s3_vault\"}}"))
                .isEqualTo(new Reply(500, error("INTERNAL_ERROR", "vault_name=s3_vault not found")));
        assertThat(meta.call("drop_s3_vault", "{\"cloud_unique_id\": \"1:v:n\", \"vault\": {\"name\": \"renamed\"}}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("drop_hdfs_vault", "{\"cloud_unique_id\": \"1:v:n\", \"vault\": {\"name\": \"h2\"}}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("show_storage_vaults", "{\"cloud_unique_id\": \"1:v:n\"}")
                        .body())
                .doesNotContain("renamed", "\"h2\"");
    }
}
