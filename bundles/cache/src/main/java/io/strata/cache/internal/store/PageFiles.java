package io.strata.cache.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The page file format: the page's bytes, then a 16-byte trailer (length, CRC32C of the bytes,
 * magic). A page file is written under a temporary name and renamed into place, so a crash leaves
 * either a whole page file or a temporary file; a page file torn anyway (power loss before the
 * data reached the disk) fails {@link #verify}. Page files are named {@code <page>_<cached at,
 * epoch seconds>}, so the index is rebuilt from names alone.
 */
final class PageFiles {
    static final int TRAILER = 16;
    static final long MAGIC = 0x5354524154415047L; // "STRATAPG"
    static final String TEMP_SUFFIX = ".tmp";

    private static final int CHUNK = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> CHUNKS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN));

    private PageFiles() {}

    static String name(int page, long cachedAtEpochSeconds) {
        return page + "_" + cachedAtEpochSeconds;
    }

    /** The page index of a page file name, or -1 when it is not one. */
    static int page(String name) {
        int underscore = name.indexOf('_');
        if (underscore <= 0 || underscore > 10) {
            return -1;
        }
        long page = digits(name, 0, underscore);
        return page > Integer.MAX_VALUE ? -1 : (int) page;
    }

    /** The cache time (epoch seconds) of a page file name, or -1 when it is not one. */
    static long cachedAt(String name) {
        int underscore = name.indexOf('_');
        if (underscore <= 0 || name.length() - underscore - 1 > 12) {
            return -1;
        }
        return digits(name, underscore + 1, name.length());
    }

    private static long digits(String text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes a new page file (which must not exist) holding {@code data[0, length)}. */
    static void write(Path file, byte[] data, int length) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, length);
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt(length).putInt((int) crc.getValue()).putLong(MAGIC).flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer body = ByteBuffer.wrap(data, 0, length);
            while (body.hasRemaining()) {
                channel.write(body);
            }
            while (trailer.hasRemaining()) {
                channel.write(trailer);
            }
        }
    }

    /**
     * Whether an open page file is whole: the expected length, a valid trailer and the right
     * CRC32C. Reads the whole page in 64 KiB chunks (once per page after a restart).
     */
    static boolean verify(FileChannel channel, int expectedLength) throws IOException {
        if (channel.size() != (long) expectedLength + TRAILER) {
            return false;
        }
        ByteBuffer buffer = CHUNKS.get();
        buffer.clear().limit(TRAILER);
        if (!readFully(channel, buffer, expectedLength)) {
            return false;
        }
        buffer.flip();
        int length = buffer.getInt();
        int expectedCrc = buffer.getInt();
        long magic = buffer.getLong();
        if (magic != MAGIC || length != expectedLength) {
            return false;
        }
        CRC32C crc = new CRC32C();
        long position = 0;
        while (position < expectedLength) {
            int chunk = (int) Math.min(CHUNK, expectedLength - position);
            buffer.clear().limit(chunk);
            if (!readFully(channel, buffer, position)) {
                return false;
            }
            buffer.flip();
            crc.update(buffer);
            position += chunk;
        }
        return (int) crc.getValue() == expectedCrc;
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }
}
