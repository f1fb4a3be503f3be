package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import io.strata.cache.CachedPage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/** A page file opened for reading: a reference to a handle of {@link OpenPages}, released on close. */
final class FilePage implements CachedPage {
    private static final int BUFFER = 128 * 1024;
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER));

    private final OpenPages.Handle handle;
    private final FileChannel channel;
    private final int length;
    private boolean closed;

    FilePage(OpenPages.Handle handle, int length) {
        this.handle = requireNonNull(handle, "handle is null");
        this.channel = handle.channel();
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void transferTo(long offset, long count, OutputStream out) throws IOException {
        checkRange(offset, count);
        requireNonNull(out, "out is null");
        ByteBuffer buffer = BUFFERS.get();
        long position = offset;
        long end = offset + count;
        while (position < end) {
            buffer.clear().limit((int) Math.min(BUFFER, end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("page file ended early at " + position + " of " + length);
            }
            out.write(buffer.array(), 0, read);
            position += read;
        }
    }

    @Override
    public void transferTo(long offset, long count, WritableByteChannel out) throws IOException {
        checkRange(offset, count);
        requireNonNull(out, "out is null");
        long position = offset;
        long end = offset + count;
        while (position < end) {
            long sent = channel.transferTo(position, end - position, out);
            if (sent <= 0 && channel.size() < end) {
                throw new IOException("page file ended early at " + position + " of " + length);
            }
            position += sent;
        }
    }

    @Override
    public int read(ByteBuffer destination, long position) throws IOException {
        requireNonNull(destination, "destination is null");
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= length) {
            return -1;
        }
        int wanted = (int) Math.min(destination.remaining(), length - position);
        if (wanted == destination.remaining()) {
            return channel.read(destination, position);
        }
        int limit = destination.limit();
        destination.limit(destination.position() + wanted);
        try {
            return channel.read(destination, position);
        } finally {
            destination.limit(limit);
        }
    }

    private void checkRange(long offset, long count) {
        if (offset < 0 || count < 0 || offset + count > length) {
            throw new IllegalArgumentException(
                    "range [" + offset + ", " + (offset + count) + ") is not inside the page of " + length + " bytes");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            handle.release();
        }
    }
}
