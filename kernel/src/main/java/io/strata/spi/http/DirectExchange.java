package io.strata.spi.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One request to a {@link DirectRoute}, answered in {@link DirectRoute#serveNonBlocking} without a
 * servlet request or response and without a thread hand-off: the kernel implements it over its HTTP
 * server's own request and response. No method blocks: {@link #send} and {@link #stream} write
 * asynchronously.
 *
 * <p>The answer is the status and headers set first, then the body of one {@link #send} or {@link
 * #stream}, which ends the exchange; or {@link #fail}. Not thread-safe: the route's thread uses it
 * until it sends, streams or fails.
 *
 * @since 1.2.0
 */
@ProviderType
public interface DirectExchange {
    /** The request method, upper case, e.g. {@code GET}. */
    String method();

    /**
     * The first value of the query parameter, decoded; null when absent.
     *
     * @throws io.strata.spi.StrataException (invalid argument) when the query string is malformed
     */
    String parameter(String name);

    /** The first value of the request header; null when absent. */
    String header(String name);

    /** The response status (200 unless set). */
    void setStatus(int status);

    /** Sets (replaces) a response header. */
    void setHeader(String name, String value);

    /** The response's {@code Content-Length}. */
    void setContentLength(long length);

    /**
     * A cleared buffer of {@code capacity} bytes (position 0, limit {@code capacity}) from the
     * kernel's pool, for {@link #send}: it belongs to the exchange and goes back to the pool when
     * the exchange ends. Call it once.
     */
    ByteBuffer buffer(int capacity);

    /** Sends the remaining bytes of {@code content} as the whole body and ends the exchange. */
    void send(ByteBuffer content);

    /**
     * Sends the body {@code source} produces, one chunk of up to {@code chunkSize} bytes at a time
     * (each chunk is written before the next is asked for), then ends the exchange. {@code source}
     * is closed when the exchange ends, whether all was sent or not (the client went away).
     */
    void stream(int chunkSize, Source source);

    /**
     * Ends the exchange with a failure: before anything was written, the kernel's one error body (a
     * {@link io.strata.spi.StrataException} with its kind's status, anything else a logged 500);
     * after, the connection is cut so the client sees a short body.
     */
    void fail(Throwable failure);

    /** The body of a {@link #stream}, produced chunk by chunk without blocking. */
    @ConsumerType
    interface Source extends AutoCloseable {
        /**
         * Puts the next bytes of the body into {@code chunk} (from its position, at most its
         * remaining bytes); returns whether more follow. Called on the kernel's threads, one call at
         * a time, never after it returned false. An exception ends the exchange as {@link #fail}.
         */
        boolean fill(ByteBuffer chunk) throws IOException;

        /** Releases what the source holds; called once, never throws. */
        @Override
        void close();
    }
}
