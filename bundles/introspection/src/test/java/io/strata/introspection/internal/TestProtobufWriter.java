package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestProtobufWriter {
    @Test
    void testVarintsMatchTheWireFormat() {
        // examples from the protocol buffers encoding guide: 150 is 96 01 in field 1
        assertThat(new ProtobufWriter().varint(1, 150).toByteArray()).containsExactly(0x08, 0x96, 0x01);
        assertThat(new ProtobufWriter().varint(2, 1).toByteArray()).containsExactly(0x10, 0x01);
        assertThat(new ProtobufWriter().varint(1, 300).toByteArray()).containsExactly(0x08, 0xAC, 0x02);
    }

    @Test
    void testZeroScalarsAreLeftOut() {
        assertThat(new ProtobufWriter().varint(1, 0).bool(2, false).toByteArray())
                .isEmpty();
    }

    @Test
    void testNegativeNumbersTakeTenBytes() {
        byte[] bytes = new ProtobufWriter().varint(1, -1).toByteArray();
        assertThat(bytes).hasSize(11);
        assertThat(bytes[10]).isEqualTo((byte) 0x01);
    }

    @Test
    void testStringsAreWrittenEvenWhenEmpty() {
        assertThat(new ProtobufWriter().string(6, "").string(6, "ab").toByteArray())
                .containsExactly(0x32, 0x00, 0x32, 0x02, 'a', 'b');
    }

    @Test
    void testPackedAndNestedMessages() {
        ProtobufWriter inner = new ProtobufWriter().packed(1, new long[] {3, 270});
        assertThat(inner.toByteArray()).containsExactly(0x0A, 0x03, 0x03, 0x8E, 0x02);
        assertThat(new ProtobufWriter().message(2, inner).toByteArray())
                .containsExactly(0x12, 0x05, 0x0A, 0x03, 0x03, 0x8E, 0x02);
        assertThat(new ProtobufWriter().packed(1, new long[0]).toByteArray()).isEmpty();
    }
}
