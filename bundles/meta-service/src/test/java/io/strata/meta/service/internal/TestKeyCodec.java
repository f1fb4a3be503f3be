package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.meta.service.internal.KeyCodec.Field;
import io.strata.meta.service.internal.KeyCodec.FieldKind;
import io.strata.meta.service.internal.Keys.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples E1–E8 of metaservice-behaviour.md §6.3, verbatim. */
final class TestKeyCodec {
    private static final String E1 = "0110696e7374616e636500011072656772657373696f6e5f696e7374616e6365300001";
    private static final String E2 = "0110696e7374616e6365000110746573740001";
    private static final String E3 =
            "01106d657461000110676176696e2d696e7374616e6365000110726f77736574000112000000000000276612000000000000271a";
    private static final String E4 =
            "011074786e000110676176696e2d696e7374616e636500011074786e5f6c6162656c000112000000000000276610746573742d6c6162656c0001";
    private static final String E5 = "0110696e7374616e63650001106100ff620001";
    private static final String E6 =
            "011076657273696f6e000110696e737430000110706172746974696f6e00011200000000000003e8120000000000002711110000000000000005";
    private static final String E7 = "021073797374656d0001106d6574612d7365727669636500011072656769737472790001";

    @Test
    void testE1DocKeyUnicodeDrawing() throws IOException {
        assertThat(KeyDrawing.draw(E1, true)).contains(resource("e1-unicode.txt"));
    }

    @Test
    void testE1DocKeyAsciiDrawing() throws IOException {
        assertThat(KeyDrawing.draw(E1, false)).contains(resource("e1-ascii.txt"));
    }

    @Test
    void testE1Columns() {
        List<Field> fields = KeyCodec.decode(KeyCodec.unhex(E1)).orElseThrow();
        assertThat(fields).extracting(field -> 2 * field.offset()).containsExactly(0, 2, 24);
        assertThat(fields).extracting(Field::text).containsExactly("key space: 1", "instance", "regression_instance0");
    }

    @Test
    void testE2EncodeInstanceKey() {
        String hex = KeyCodec.hex(KeyType.InstanceKey.encode(List.of("test")));
        assertThat(hex).isEqualTo(E2);
        assertThat(KeyCodec.escapedHex(hex))
                .isEqualTo(
                        "\\x01\\x10\\x69\\x6e\\x73\\x74\\x61\\x6e\\x63\\x65\\x00\\x01\\x10\\x74\\x65\\x73\\x74\\x00\\x01");
        assertThat(KeyDrawing.draw(hex, true).orElseThrow())
                .isEqualTo(""
                        + "┌───────────────────────── 0. key space: 1\n"
                        + "│ ┌─────────────────────── 1. instance\n"
                        + "│ │                     ┌─ 2. test\n"
                        + "│ │                     │ \n"
                        + "▼ ▼                     ▼ \n"
                        + E2 + "\n");
    }

    /**
     * The renderings upstream's http_encode_key_test asserts. (The behaviour file lists this key's
     * columns as 0, 2, 14, 48, 66, 84; by its own rule and by these renderings they are 0, 2, 16,
     * 50, 68, 86: the "meta" field is 7 bytes.)
     */
    @Test
    void testE3MetaRowsetKey() {
        String hex = KeyCodec.hex(KeyType.MetaRowsetKey.encode(List.of("gavin-instance", "10086", "10010")));
        assertThat(hex).isEqualTo(E3);
        List<Field> fields = KeyCodec.decode(KeyCodec.unhex(hex)).orElseThrow();
        assertThat(fields).extracting(field -> 2 * field.offset()).containsExactly(0, 2, 16, 50, 68, 86);
        assertThat(fields)
                .extracting(Field::text)
                .containsExactly("key space: 1", "meta", "gavin-instance", "rowset", "10086", "10010");
        assertThat(KeyDrawing.draw(hex, true).orElseThrow())
                .isEqualTo(""
                        + "┌─────────────────────────────────────────────────────────────────────────────────────── 0. key space: 1\n"
                        + "│ ┌───────────────────────────────────────────────────────────────────────────────────── 1. meta\n"
                        + "│ │             ┌─────────────────────────────────────────────────────────────────────── 2. gavin-instance\n"
                        + "│ │             │                                 ┌───────────────────────────────────── 3. rowset\n"
                        + "│ │             │                                 │                 ┌─────────────────── 4. 10086\n"
                        + "│ │             │                                 │                 │                 ┌─ 5. 10010\n"
                        + "│ │             │                                 │                 │                 │ \n"
                        + "▼ ▼             ▼                                 ▼                 ▼                 ▼ \n"
                        + E3 + "\n");
        assertThat(KeyDrawing.draw(hex, false).orElseThrow())
                .isEqualTo(""
                        + "/--------------------------------------------------------------------------------------- 0. key space: 1\n"
                        + "| /------------------------------------------------------------------------------------- 1. meta\n"
                        + "| |             /----------------------------------------------------------------------- 2. gavin-instance\n"
                        + "| |             |                                 /------------------------------------- 3. rowset\n"
                        + "| |             |                                 |                 /------------------- 4. 10086\n"
                        + "| |             |                                 |                 |                 /- 5. 10010\n"
                        + "| |             |                                 |                 |                 | \n"
                        + "v v             v                                 v                 v                 v \n"
                        + E3 + "\n");
    }

    @Test
    void testE4TxnLabelKey() {
        assertThat(KeyCodec.hex(KeyType.TxnLabelKey.encode(List.of("gavin-instance", "10086", "test-label"))))
                .isEqualTo(E4);
        assertThat(KeyCodec.hex(Keys.txnLabel("gavin-instance", 10086, "test-label")))
                .isEqualTo(E4);
    }

    @Test
    void testE5EscapesZeroBytes() {
        assertThat(KeyCodec.hex(Keys.instance("a\0b"))).isEqualTo(E5);
        List<Field> fields = KeyCodec.decode(KeyCodec.unhex(E5)).orElseThrow();
        assertThat(fields.get(2).bytes()).containsExactly('a', 0, 'b');
    }

    @Test
    void testE6NegativeInt() {
        String hex = KeyCodec.hex(KeyType.PartitionVersionKey.encode(List.of("inst0", "1000", "10001", "-5")));
        assertThat(hex).isEqualTo(E6);
        assertThat(KeyDrawing.draw(hex, true).orElseThrow()).contains(" 6. -5\n");
        List<Field> fields = KeyCodec.decode(KeyCodec.unhex(hex)).orElseThrow();
        assertThat(fields)
                .extracting(Field::text)
                .containsExactly("key space: 1", "version", "inst0", "partition", "1000", "10001", "-5");
    }

    @Test
    void testE7SystemKey() {
        assertThat(KeyCodec.hex(KeyType.MetaServiceRegistryKey.encode(List.of())))
                .isEqualTo(E7);
        assertThat(KeyCodec.decode(KeyCodec.unhex(E7)).orElseThrow())
                .extracting(Field::text)
                .containsExactly("key space: 2", "system", "meta-service", "registry");
    }

    @Test
    void testE8MalformedKeysDoNotDecode() {
        assertThat(KeyDrawing.draw("0199", true)).isEmpty();
        // a string without its terminator, a bad escape, a short int
        assertThat(KeyCodec.decode(KeyCodec.unhex("011061"))).isEmpty();
        assertThat(KeyCodec.decode(KeyCodec.unhex("0110610002"))).isEmpty();
        assertThat(KeyCodec.decode(KeyCodec.unhex("01120000"))).isEmpty();
    }

    @Test
    void testLenientHex() {
        // "zz" reads as one zero byte: key space 0 and nothing else
        assertThat(KeyDrawing.draw("zz", true).orElseThrow()).isEqualTo("┌─ 0. key space: 0\n│ \n▼ \nzz\n");
        // odd length is rounded down, case is kept in the echoed key
        assertThat(KeyCodec.unhex("0A1")).containsExactly(0x0A);
        assertThat(KeyDrawing.draw(E2.toUpperCase(java.util.Locale.ROOT), true).orElseThrow())
                .endsWith(E2.toUpperCase(java.util.Locale.ROOT) + "\n");
        // the key space byte is signed
        assertThat(KeyCodec.decode(KeyCodec.unhex("ff")).orElseThrow().get(0).text())
                .isEqualTo("key space: -1");
    }

    @Test
    void testRoundTripsIntsAndBytes() {
        byte[] key = KeyCodec.userKey()
                .int64(Long.MAX_VALUE)
                .int64(0)
                .int64(-1)
                .bytes(new byte[] {0, 0, (byte) 0xFF})
                .build();
        List<Field> fields = KeyCodec.decode(key).orElseThrow();
        assertThat(fields)
                .extracting(Field::kind)
                .containsExactly(
                        FieldKind.KEY_SPACE, FieldKind.INT64, FieldKind.INT64, FieldKind.INT64, FieldKind.BYTES);
        assertThat(fields).extracting(Field::number).startsWith(1L, Long.MAX_VALUE, 0L, -1L);
        assertThat(fields.get(4).bytes()).containsExactly(0, 0, 0xFF);
    }

    @Test
    void testStrtollParsing() {
        assertThat(Keys.int64("10086")).isEqualTo(10086);
        assertThat(Keys.int64("  -42abc")).isEqualTo(-42);
        assertThat(Keys.int64("abc")).isZero();
        assertThat(Keys.int64("99999999999999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(Keys.int64("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TestKeyCodec.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
