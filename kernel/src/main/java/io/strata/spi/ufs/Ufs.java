package io.strata.spi.ufs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One mounted under-file-system, rooted at {@link #root()}. Paths are relative to the root,
 * {@code /}-separated, without a leading slash, and {@code ""} is the root. A connector never gives
 * access outside its root. Implementations are thread-safe: one instance serves every request of
 * its mount.
 */
@ConsumerType
public interface Ufs extends Closeable {
    /** Largest page {@link #list} has to support. */
    int MAX_LIST_LIMIT = 10_000;

    /** The UFS URI this connector is rooted at; its path ends in {@code /}. */
    URI root();

    /** The status of a file or directory. */
    UfsStatus status(String path) throws UfsException;

    /**
     * Whether a file or directory exists at {@code path}: its {@link #status} succeeds; any failure
     * other than {@link UfsException.Kind#NOT_FOUND} is thrown. Override only for a cheaper probe.
     */
    default boolean exists(String path) throws UfsException {
        try {
            status(path);
            return true;
        } catch (UfsException e) {
            if (e.kind() == UfsException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One page of the entries of a directory, at most {@code limit} of them, continuing after
     * {@code marker} (from the first entry without one). Entries come sorted by name in
     * {@link UfsPaths#NAME_ORDER} (an object store may place a common prefix after the keys that
     * extend its name, as it lists them); paging through to the end yields every entry once. A
     * connector never reads the whole directory into memory to answer.
     *
     * @param marker the {@link UfsListing#nextMarker()} of the previous page
     * @param limit 1 to {@value #MAX_LIST_LIMIT}
     * @throws UfsException {@link UfsException.Kind#NOT_FOUND} when there is no directory at
     *     {@code path}
     */
    UfsListing list(String path, Optional<String> marker, int limit) throws UfsException;

    /**
     * The bytes of a file from {@code offset}, at most {@code length} of them (fewer at the end of
     * the file; {@code Long.MAX_VALUE} reads to the end). The caller closes the stream; it may throw
     * {@link UfsException} (or another {@link IOException}) while being read.
     */
    InputStream read(String path, long offset, long length) throws UfsException;

    /**
     * Contacts the store once, cheaply, and fails with a message saying why it cannot be used
     * (unreachable endpoint, bad credentials, missing bucket or folder). Called before a mount is
     * created.
     */
    void checkReachable() throws UfsException;

    /** Releases the connector's clients and threads; idempotent. */
    @Override
    void close() throws IOException;
}
