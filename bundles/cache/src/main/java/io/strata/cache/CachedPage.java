package io.strata.cache;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A cached page opened for reading. The bytes stay readable until it is closed, even when the page
 * is evicted or invalidated meanwhile. Not thread-safe: one reader at a time.
 */
@ProviderType
public interface CachedPage extends Closeable {
    /** The page's length in bytes. */
    long length();

    /**
     * Writes bytes {@code [offset, offset + length)} of the page to {@code out}, through a reused
     * buffer (no page-sized allocation per call).
     *
     * @throws IllegalArgumentException when the range is not inside the page
     */
    void transferTo(long offset, long length, OutputStream out) throws IOException;

    /**
     * Writes bytes {@code [offset, offset + length)} of the page to {@code out} with
     * {@link java.nio.channels.FileChannel#transferTo}, which sends straight from the file (sendfile)
     * when {@code out} is a socket or a file channel.
     *
     * @throws IllegalArgumentException when the range is not inside the page
     */
    void transferTo(long offset, long length, WritableByteChannel out) throws IOException;

    /**
     * Reads bytes of the page from {@code position} into {@code destination} (positional read, like
     * {@link java.nio.channels.FileChannel#read(ByteBuffer, long)}), for callers that bring their own,
     * possibly direct, buffers.
     *
     * @return the number of bytes read, -1 at or past the end of the page
     */
    int read(ByteBuffer destination, long position) throws IOException;

    /** Releases the page; never throws. */
    @Override
    void close();
}
