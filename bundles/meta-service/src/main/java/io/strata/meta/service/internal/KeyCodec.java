package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The reference meta-service's ordered key encoding: one key-space byte, then tagged fields.
 * A byte string is {@code 0x10}, the bytes with every {@code 0x00} written as {@code 0x00 0xFF},
 * then {@code 0x00 0x01}; an int64 is {@code 0x12} (or {@code 0x11} when negative) followed by its
 * magnitude in 8 big-endian bytes; a versionstamp is {@code 0x13} followed by 10 bytes.
 */
final class KeyCodec {
    static final byte USER_KEY_SPACE = 0x01;
    static final byte SYSTEM_KEY_SPACE = 0x02;
    static final byte VERSIONED_KEY_SPACE = 0x03;

    static final int BYTES_TAG = 0x10;
    static final int NEGATIVE_INT_TAG = 0x11;
    static final int POSITIVE_INT_TAG = 0x12;
    static final int VERSIONSTAMP_TAG = 0x13;
    static final int VERSIONSTAMP_LENGTH = 10;

    private static final HexFormat HEX = HexFormat.of();

    private KeyCodec() {}

    /** Starts a key in the given key space. */
    static Builder key(byte keySpace) {
        return new Builder(keySpace);
    }

    /** Starts a user key ({@code 0x01}). */
    static Builder userKey() {
        return new Builder(USER_KEY_SPACE);
    }

    static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Builder(byte keySpace) {
            out.write(keySpace);
        }

        Builder bytes(String value) {
            return bytes(requireNonNull(value, "value is null").getBytes(StandardCharsets.UTF_8));
        }

        Builder bytes(byte[] value) {
            out.write(BYTES_TAG);
            for (byte b : value) {
                out.write(b);
                if (b == 0) {
                    out.write(0xFF);
                }
            }
            out.write(0x00);
            out.write(0x01);
            return this;
        }

        Builder int64(long value) {
            out.write(value < 0 ? NEGATIVE_INT_TAG : POSITIVE_INT_TAG);
            long magnitude = value < 0 ? -value : value;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (magnitude >>> shift) & 0xFF);
            }
            return this;
        }

        byte[] build() {
            return out.toByteArray();
        }

        String hex() {
            return KeyCodec.hex(build());
        }
    }

    enum FieldKind {
        KEY_SPACE,
        BYTES,
        INT64,
        VERSIONSTAMP
    }

    /**
     * One decoded part of a key: {@code offset} is the position of its first byte (the tag, or
     * the key-space byte) in the whole key.
     */
    record Field(FieldKind kind, int offset, byte[] bytes, long number) {
        Field {
            requireNonNull(kind, "kind is null");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The text the drawing shows for this field. */
        String text() {
            return switch (kind) {
                case KEY_SPACE -> "key space: " + number;
                case BYTES -> new String(bytes, StandardCharsets.UTF_8);
                case INT64 -> Long.toString(number);
                case VERSIONSTAMP -> "versionstamp: " + hex(bytes);
            };
        }

        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Field field
                    && kind == field.kind
                    && offset == field.offset
                    && number == field.number
                    && Arrays.equals(bytes, field.bytes);
        }

        @Override
        public int hashCode() {
            return (kind.hashCode() * 31 + offset) * 31 + Long.hashCode(number) + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return kind + "@" + offset + ":" + text();
        }
    }

    /**
     * Decodes a whole key: the key-space byte (as a signed byte) and every field. Empty when a tag
     * is unknown, a string misses its terminator or has a bad escape, or an int is cut short.
     */
    static Optional<List<Field>> decode(byte[] key) {
        List<Field> fields = new ArrayList<>();
        // an empty key reads as key space 0, like a C string's terminator
        fields.add(new Field(FieldKind.KEY_SPACE, 0, new byte[0], key.length == 0 ? 0 : key[0]));
        int position = 1;
        while (position < key.length) {
            int tag = key[position] & 0xFF;
            int start = position;
            position++;
            switch (tag) {
                case BYTES_TAG -> {
                    ByteArrayOutputStream value = new ByteArrayOutputStream();
                    boolean terminated = false;
                    while (position < key.length) {
                        byte b = key[position++];
                        if (b != 0) {
                            value.write(b);
                            continue;
                        }
                        if (position >= key.length) {
                            return Optional.empty();
                        }
                        int next = key[position++] & 0xFF;
                        if (next == 0x01) {
                            terminated = true;
                            break;
                        }
                        if (next != 0xFF) {
                            return Optional.empty();
                        }
                        value.write(0);
                    }
                    if (!terminated) {
                        return Optional.empty();
                    }
                    fields.add(new Field(FieldKind.BYTES, start, value.toByteArray(), 0));
                }
                case NEGATIVE_INT_TAG, POSITIVE_INT_TAG -> {
                    if (key.length - position < 8) {
                        return Optional.empty();
                    }
                    long magnitude = 0;
                    for (int i = 0; i < 8; i++) {
                        magnitude = (magnitude << 8) | (key[position++] & 0xFF);
                    }
                    fields.add(new Field(
                            FieldKind.INT64, start, new byte[0], tag == NEGATIVE_INT_TAG ? -magnitude : magnitude));
                }
                case VERSIONSTAMP_TAG -> {
                    if (key.length - position < VERSIONSTAMP_LENGTH) {
                        return Optional.empty();
                    }
                    byte[] stamp = Arrays.copyOfRange(key, position, position + VERSIONSTAMP_LENGTH);
                    position += VERSIONSTAMP_LENGTH;
                    fields.add(new Field(FieldKind.VERSIONSTAMP, start, stamp, 0));
                    // a versioned key ends with 0xFF after its versionstamp
                    if (position == key.length - 1 && (key[position] & 0xFF) == 0xFF) {
                        position++;
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(List.copyOf(fields));
    }

    /** Lower-case hex, two digits a byte. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * The reference's lenient hex reader: the length is rounded down to even, and reading stops at
     * the first character that is not a hex digit, leaving the remaining bytes zero.
     */
    static byte[] unhex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16);
            int low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0 || !isAsciiHex(text.charAt(2 * i)) || !isAsciiHex(text.charAt(2 * i + 1))) {
                break;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The key written as {@code \x01\x10\x69…} from its hex form, as encode_key's last line. */
    static String escapedHex(String hexKey) {
        StringBuilder out = new StringBuilder(hexKey.length() * 2);
        for (int i = 0; i < hexKey.length(); i++) {
            if (i % 2 == 0) {
                out.append("\\x");
            }
            out.append(hexKey.charAt(i));
        }
        return out.toString();
    }
}
