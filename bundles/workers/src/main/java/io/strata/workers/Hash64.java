package io.strata.workers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * XXH64, the 64-bit xxHash of Yann Collet's specification: fast, with good dispersion on short
 * keys such as paths and worker identities. Its value is part of where data is placed, so it must
 * never change: {@code TestHash64} pins it to the specification's reference values.
 */
public final class Hash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Hash64() {}

    /** The hash of a string's UTF-8 bytes, seed 0. */
    public static long of(String value) {
        return of(value.getBytes(StandardCharsets.UTF_8), 0);
    }

    public static long of(byte[] data, long seed) {
        int length = data.length;
        int offset = 0;
        long hash;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = length - 32;
            while (offset <= limit) {
                v1 = round(v1, (long) LONGS.get(data, offset));
                v2 = round(v2, (long) LONGS.get(data, offset + 8));
                v3 = round(v3, (long) LONGS.get(data, offset + 16));
                v4 = round(v4, (long) LONGS.get(data, offset + 24));
                offset += 32;
            }
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = merge(hash, v1);
            hash = merge(hash, v2);
            hash = merge(hash, v3);
            hash = merge(hash, v4);
        } else {
            hash = seed + P5;
        }
        hash += length;
        while (offset + 8 <= length) {
            hash ^= round(0, (long) LONGS.get(data, offset));
            hash = Long.rotateLeft(hash, 27) * P1 + P4;
            offset += 8;
        }
        if (offset + 4 <= length) {
            hash ^= (Integer.toUnsignedLong((int) INTS.get(data, offset))) * P1;
            hash = Long.rotateLeft(hash, 23) * P2 + P3;
            offset += 4;
        }
        while (offset < length) {
            hash ^= (data[offset] & 0xFFL) * P5;
            hash = Long.rotateLeft(hash, 11) * P1;
            offset++;
        }
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        hash ^= hash >>> 32;
        return hash;
    }

    private static long round(long accumulator, long input) {
        accumulator += input * P2;
        accumulator = Long.rotateLeft(accumulator, 31);
        return accumulator * P1;
    }

    private static long merge(long accumulator, long value) {
        accumulator ^= round(0, value);
        return accumulator * P1 + P4;
    }
}
