package io.strata.introspection.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The part of the protocol buffers wire format a pprof profile needs: varints, length-delimited
 * strings and messages, and packed repeated integers. Scalar fields equal to zero are left out, as
 * proto3 does.
 */
final class ProtobufWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtobufWriter varint(int field, long value) {
        if (value != 0) {
            tag(field, VARINT);
            writeVarint(value);
        }
        return this;
    }

    ProtobufWriter bool(int field, boolean value) {
        return varint(field, value ? 1 : 0);
    }

    /** Always written, even when empty: an element of a repeated string field. */
    ProtobufWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtobufWriter message(int field, ProtobufWriter message) {
        return bytes(field, message.toByteArray());
    }

    ProtobufWriter packed(int field, long[] values) {
        if (values.length == 0) {
            return this;
        }
        ProtobufWriter payload = new ProtobufWriter();
        for (long value : values) {
            payload.writeVarint(value);
        }
        return bytes(field, payload.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private ProtobufWriter bytes(int field, byte[] bytes) {
        tag(field, LENGTH_DELIMITED);
        writeVarint(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    private void tag(int field, int wireType) {
        writeVarint(((long) field << 3) | wireType);
    }

    /** Negative numbers take ten bytes, as int64 does on the wire. */
    private void writeVarint(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }
}
