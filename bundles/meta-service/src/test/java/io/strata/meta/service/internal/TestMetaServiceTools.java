package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.TestingMetaService.OK;
import static io.strata.meta.service.internal.TestingMetaService.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.meta.service.internal.TestingMetaService.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** decode_key, encode_key, get_value, and the txn and tablet calls (behaviour file §5.6, §6). */
final class TestMetaServiceTools {
    private static final String E1 = "0110696e7374616e636500011072656772657373696f6e5f696e7374616e6365300001";
    private static final String CUID = "1:inst:be";

    private TestingMetaService meta;

    @BeforeEach
    void setUp() throws Exception {
        meta = new TestingMetaService();
        assertThat(meta.call("create_instance", "{\"instance_id\": \"inst\"}")).isEqualTo(new Reply(200, OK));
    }

    @AfterEach
    void tearDown() throws Exception {
        meta.close();
    }

    @Test
    void testDecodeKey() {
        Reply reply = meta.call("decode_key", Map.of("key", E1), null);
        assertThat(reply)
                .isEqualTo(new Reply(
                        200,
                        ""
                                + "┌───────────────────────── 0. key space: 1\n"
                                + "│ ┌─────────────────────── 1. instance\n"
                                + "│ │                     ┌─ 2. regression_instance0\n"
                                + "│ │                     │ \n"
                                + "▼ ▼                     ▼ \n"
                                + E1 + "\n\n"));
        assertThat(meta.call("v1/decode_key", Map.of("key", E1, "unicode", "false"), null)
                        .body())
                .startsWith("/------------------------- 0. key space: 1\n");
        assertThat(meta.call("decode_key", Map.of("key", "0199"), null))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "failed to decode key, key=0199")));
        assertThat(meta.call("decode_key", null))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "no key to decode")));
    }

    @Test
    void testEncodeKey() {
        assertThat(meta.call("encode_key", Map.of("key_type", "InstanceKey", "instance_id", "test"), null))
                .isEqualTo(
                        new Reply(
                                200,
                                ""
                                        + "┌───────────────────────── 0. key space: 1\n"
                                        + "│ ┌─────────────────────── 1. instance\n"
                                        + "│ │                     ┌─ 2. test\n"
                                        + "│ │                     │ \n"
                                        + "▼ ▼                     ▼ \n"
                                        + "0110696e7374616e6365000110746573740001\n"
                                        + "\\x01\\x10\\x69\\x6e\\x73\\x74\\x61\\x6e\\x63\\x65\\x00\\x01\\x10\\x74\\x65\\x73\\x74\\x00\\x01\n\n"));
        assertThat(meta.call("encode_key", Map.of("key_type", "foobarkey"), null))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "key_type not supported: foobarkey")));
        assertThat(meta.call("encode_key", null))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "key_type not supported: (empty)")));
        assertThat(meta.call("encode_key", Map.of("key_type", "MetaRowsetKey"), null))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "instance_id is not given or empty")));
    }

    @Test
    void testGetValue() {
        assertThat(meta.call("get_value", Map.of("key_type", "InstanceKey", "instance_id", "inst"), null)
                        .body())
                .startsWith("{\"user_id\":\"\",\"instance_id\":\"inst\"")
                .endsWith("}\n");
        assertThat(meta.call("get_value", Map.of("key_type", "InstanceKey", "instance_id", "nope"), null))
                .isEqualTo(new Reply(
                        500, error("INTERNAL_ERROR", "kv not found, key=" + KeyCodec.hex(Keys.instance("nope")))));
        assertThat(meta.call(
                                "get_value",
                                Map.of("key", KeyCodec.hex(Keys.instance("inst")), "key_type", "InstanceKey"),
                                null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void testGetValueFormats() throws Exception {
        String begin = "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_info\": {\"db_id\": 7, \"label\": \"l1\"}}";
        Map<String, String> label =
                Map.of("key_type", "TxnLabelKey", "instance_id", "inst", "db_id", "7", "label", "l1");
        assertThat(meta.call("begin_txn", begin).status()).isEqualTo(200);
        // a label: its JSON, then the transaction that wrote it
        assertThat(meta.call("get_value", label, null)).isEqualTo(new Reply(200, "{\"txn_ids\":[\"1\"]}\ntxn_id=1\n"));
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_id\": 1}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("begin_txn", begin).status()).isEqualTo(200);
        assertThat(meta.call("get_value", label, null))
                .isEqualTo(new Reply(200, "{\"txn_ids\":[\"1\",\"2\"]}\ntxn_id=2\n"));
        assertThat(meta.call(
                        "get_value", Map.of("key_type", "TxnIndexKey", "instance_id", "inst", "txn_id", "2"), null))
                .isEqualTo(new Reply(200, "{\"tablet_index\":{\"db_id\":\"7\"}}\n"));
        // the key type says how to read the key given in hex: an instance key is read as no other
        String txnIndexKey = KeyCodec.hex(Keys.txnIndex("inst", 2));
        assertThat(meta.call("get_value", Map.of("key", txnIndexKey, "key_type", "TxnIndexKey"), null))
                .isEqualTo(new Reply(200, "{\"tablet_index\":{\"db_id\":\"7\"}}\n"));
        assertThat(meta.call("get_value", Map.of("key", txnIndexKey, "key_type", "InstanceKey"), null))
                .isEqualTo(new Reply(500, error("INTERNAL_ERROR", "kv not found, key=" + txnIndexKey)));
        assertThat(meta.call("get_value", Map.of("key", txnIndexKey), null))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "key_type not supported: (empty)")));

        // Strata writes no delete bitmaps; one put there is printed in hex, zero-padded only at the first byte as the
        // reference does
        CuratorFramework curator = meta.zooKeeper().curator();
        Map<String, String> bitmap = Map.of(
                "key_type",
                "MetaDeleteBitmap",
                "instance_id",
                "inst",
                "tablet_id",
                "5",
                "rowest_id",
                "r1",
                "version",
                "2",
                "seg_id",
                "0");
        byte[] bitmapKey = Keys.KeyType.MetaDeleteBitmap.encode(List.of("inst", "5", "r1", "2", "0"));
        curator.create().creatingParentsIfNeeded().forPath(KvStore.path(bitmapKey), new byte[] {1, 2, (byte) 0xab, 0});
        assertThat(meta.call("get_value", bitmap, null)).isEqualTo(new Reply(200, "012ab0\n"));
        // an empty value, or one that does not read as the key type's message
        curator.setData().forPath(KvStore.path(bitmapKey), new byte[0]);
        assertThat(meta.call("get_value", bitmap, null))
                .isEqualTo(new Reply(
                        400, error("INVALID_ARGUMENT", "failed to parse value, key=" + KeyCodec.hex(bitmapKey))));
        byte[] infoKey = Keys.txnInfo("inst", 7, 99);
        curator.create().forPath(KvStore.path(infoKey), "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(meta.call(
                        "get_value",
                        Map.of("key_type", "TxnInfoKey", "instance_id", "inst", "db_id", "7", "txn_id", "99"),
                        null))
                .isEqualTo(new Reply(
                        400, error("INVALID_ARGUMENT", "failed to parse value, key=" + KeyCodec.hex(infoKey))));
    }

    @Test
    void testBitmapHex() {
        assertThat(KeyCalls.bitmapHex(new byte[] {0x0f, 0x0f, 0x10, (byte) 0xff}))
                .isEqualTo("0ff10ff");
        assertThat(KeyCalls.bitmapHex(new byte[0])).isEmpty();
    }

    private void createTablet() {
        assertThat(meta.call(
                        "create_tablets",
                        "{\"cloud_unique_id\": \"" + CUID
                                + "\", \"db_id\": 1, \"tablet_metas\": [{\"table_id\": 113973,"
                                + " \"index_id\": 113974, \"partition_id\": 113966, \"tablet_id\": 114739}]}"))
                .isEqualTo(new Reply(200, OK));
    }

    @Test
    void testTabletStats() {
        createTablet();
        String request =
                "{\"cloud_unique_id\": \"" + CUID + "\", \"tablet_idx\": [{\"table_id\": 113973, \"index_id\": 113974,"
                        + " \"partition_id\": 113966, \"tablet_id\": 114739}]}";
        assertThat(meta.call(
                        "update_tablet_stats",
                        "{\"cloud_unique_id\": \"" + CUID + "\", \"tablet_stats\": [{\"idx\": {\"tablet_id\": 114739},"
                                + " \"num_rowsets\": 2}]}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("get_tablet_stats", request)).isEqualTo(new Reply(200, """
                status {
                  code: OK
                  msg: ""
                }
                tablet_stats {
                  idx {
                    table_id: 113973
                    index_id: 113974
                    partition_id: 113966
                    tablet_id: 114739
                  }
                  data_size: 0
                  num_rows: 0
                  num_rowsets: 2
                  num_segments: 0
                  base_compaction_cnt: 0
                  cumulative_compaction_cnt: 0
                  cumulative_point: 2
                }

                """));
        assertThat(meta.call(
                        "get_tablet_stats",
                        "{\"cloud_unique_id\": \"1:nope:x\", \"tablet_idx\": [{\"tablet_id\": 1}]}"))
                .isEqualTo(new Reply(400, "\n"));
        assertThat(meta.call(
                        "get_tablet_stats",
                        "{\"cloud_unique_id\": \"" + CUID + "\", \"tablet_idx\": [{\"tablet_id\": 404}]}"))
                .isEqualTo(new Reply(404, "\n"));
    }

    @Test
    void testAbortTxn() {
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\"}"))
                .isEqualTo(new Reply(
                        400, error("INVALID_ARGUMENT", "invalid txn id and label, db_id=-1 txn_id=-1 label=")));
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"bad\", \"txn_id\": 5}"))
                .isEqualTo(new Reply(
                        400,
                        error("INVALID_ARGUMENT", "cannot find instance_id with cloud_unique_id=bad label= txn_id=5")));
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_id\": 869414052004864}"))
                .isEqualTo(new Reply(500, error("INTERNAL_ERROR", "transaction [869414052004864] not found")));
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"db_id\": 7, \"label\": \"nope\"}"))
                .isEqualTo(
                        new Reply(500, error("INTERNAL_ERROR", "label not found, db_id=7 label=nope err=KeyNotFound")));

        Reply begun = meta.call(
                "begin_txn",
                "{\"cloud_unique_id\": \"" + CUID
                        + "\", \"txn_info\": {\"db_id\": 7, \"label\": \"l1\", \"table_ids\": [3]}}");
        assertThat(begun.status()).isEqualTo(200);
        assertThat(begun.body()).contains("\"txn_id\": \"1\"");
        assertThat(meta.call(
                        "begin_txn",
                        "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_info\": {\"db_id\": 7, \"label\": \"l1\"}}"))
                .isEqualTo(
                        new Reply(500, error("INTERNAL_ERROR", "Label [l1] has already been used, relate to txn [1]")));
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_id\": \"1\"}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_id\": 1}"))
                .isEqualTo(new Reply(500, error("INTERNAL_ERROR", "transaction [1] is already aborted, db_id=7")));
        assertThat(meta.call(
                                "get_value",
                                Map.of("key_type", "TxnInfoKey", "instance_id", "inst", "db_id", "7", "txn_id", "1"),
                                null)
                        .body())
                .contains("\"status\":\"TXN_STATUS_ABORTED\"");

        // by label, then a visible one
        assertThat(meta.call(
                                "begin_txn",
                                "{\"cloud_unique_id\": \"" + CUID
                                        + "\", \"txn_info\": {\"db_id\": 7, \"label\": \"l1\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"db_id\": 7, \"label\": \"l1\"}"))
                .isEqualTo(new Reply(200, OK));
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"db_id\": 7, \"label\": \"l1\"}"))
                .isEqualTo(new Reply(500, error("INTERNAL_ERROR", "running transaction not found, db_id=7 label=l1")));
        String txnId = txnId(meta.call(
                "begin_txn",
                "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_info\": {\"db_id\": 7, \"label\": \"l3\"}}"));
        assertThat(meta.call("commit_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_id\": " + txnId + "}")
                        .body())
                .contains("TXN_STATUS_VISIBLE");
        assertThat(meta.call("abort_txn", "{\"cloud_unique_id\": \"" + CUID + "\", \"txn_id\": " + txnId + "}"))
                .isEqualTo(new Reply(
                        500, error("INTERNAL_ERROR", "transaction [" + txnId + "] is already VISIBLE, db_id=7")));
    }

    private static String txnId(Reply begun) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\"txn_id\": \"(\\d+)\"").matcher(begun.body());
        assertThat(matcher.find()).as(begun.body()).isTrue();
        return matcher.group(1);
    }

    @Test
    void testAbortTabletJob() {
        String job = "{\"cloud_unique_id\": \"" + CUID
                + "\", \"job\": {\"idx\": {\"tablet_id\": 114739}, \"compaction\": [{\"id\": \"c1\"}]}}";
        assertThat(meta.call("abort_tablet_job", "{\"cloud_unique_id\": \"bad\", \"job\": {}}"))
                .isEqualTo(
                        new Reply(400, error("INVALID_ARGUMENT", "cannot find instance_id with cloud_unique_id=bad")));
        assertThat(meta.call(
                        "abort_tablet_job",
                        "{\"cloud_unique_id\": \"" + CUID + "\", \"job\": {\"idx\": {\"tablet_id\": 1}}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "no valid job specified")));
        assertThat(meta.call(
                        "abort_tablet_job",
                        "{\"cloud_unique_id\": \"" + CUID
                                + "\", \"job\": {\"idx\": {}, \"compaction\": [{\"id\": \"c1\"}]}}"))
                .isEqualTo(new Reply(400, error("INVALID_ARGUMENT", "no valid tablet_id given")));
        assertThat(meta.call("abort_tablet_job", job))
                .isEqualTo(new Reply(
                        404,
                        error(
                                "NOT_FOUND",
                                "failed to get tablet_idx, err=KeyNotFound tablet_id=114739 key="
                                        + KeyCodec.hex(Keys.metaTabletIndex("inst", 114739)))));
        createTablet();
        assertThat(meta.call("abort_tablet_job", job))
                .isEqualTo(new Reply(
                        400,
                        error(
                                "INVALID_ARGUMENT",
                                "job not found, instance_id=inst tablet_id=114739 job="
                                        + KeyCodec.hex(Keys.jobTablet("inst", 113973, 113974, 113966, 114739))
                                        + " err=KeyNotFound")));
        assertThat(meta.call("start_tablet_job", job)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call("abort_tablet_job", job)).isEqualTo(new Reply(200, OK));
        assertThat(meta.call(
                                "get_value",
                                Map.of(
                                        "key_type",
                                        "JobTabletKey",
                                        "instance_id",
                                        "inst",
                                        "table_id",
                                        "113973",
                                        "index_id",
                                        "113974",
                                        "part_id",
                                        "113966",
                                        "tablet_id",
                                        "114739"),
                                null)
                        .body())
                .doesNotContain("c1");
    }
}
