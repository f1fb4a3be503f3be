package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import io.strata.spi.StrataException;
import io.strata.spi.http.DirectExchange;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * A {@link DirectExchange} over Jetty's core request and response: what a direct route's {@link
 * io.strata.spi.http.DirectRoute#serveNonBlocking} answers through. Ends exactly once (a send, a
 * stream or a failure), and then tells its route entry ({@link Ending}) so it is timed and no
 * longer counted in flight.
 */
final class CoreExchange implements DirectExchange, Callback {
    /** What the route entry does when an exchange ends: time it, release it from flight. */
    interface Ending {
        void ended(CoreExchange exchange);

        /** The error answer for a failure before anything was written. */
        DirectRoutes.ErrorBody errorBody(Throwable failure);
    }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Ending ending;
    private final long begin;
    private final AtomicBoolean ended = new AtomicBoolean();
    private RetainableByteBuffer pooled;
    private Source source;
    /** Whether the route handed over the exchange (sent, streamed or failed). */
    private boolean answered;

    CoreExchange(Request request, Response response, Callback callback, Ending ending, long begin) {
        this.request = requireNonNull(request, "request is null");
        this.response = requireNonNull(response, "response is null");
        this.callback = requireNonNull(callback, "callback is null");
        this.ending = requireNonNull(ending, "ending is null");
        this.begin = begin;
    }

    long begin() {
        return begin;
    }

    boolean answered() {
        return answered;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    /** Scans the raw query for the first {@code name=}, decoding only that value (no map per request). */
    @Override
    public String parameter(String name) {
        String query = request.getHttpURI().getQuery();
        if (query == null) {
            return null;
        }
        int from = 0;
        while (from <= query.length()) {
            int end = query.indexOf('&', from);
            if (end < 0) {
                end = query.length();
            }
            int nameEnd = from + name.length();
            if (query.startsWith(name, from) && (nameEnd == end || query.charAt(nameEnd) == '=')) {
                return nameEnd == end ? "" : decode(query.substring(nameEnd + 1, end));
            }
            from = end + 1;
        }
        return null;
    }

    private static String decode(String value) {
        if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
            return value;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StrataException.invalidArgument("Malformed query string");
        }
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public void setStatus(int status) {
        response.setStatus(status);
    }

    @Override
    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public void setContentLength(long length) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
    }

    @Override
    public ByteBuffer buffer(int capacity) {
        if (pooled != null) {
            throw new IllegalStateException("buffer() was already called");
        }
        pooled = request.getComponents().getByteBufferPool().acquire(capacity, true);
        ByteBuffer buffer = pooled.getByteBuffer();
        buffer.clear().limit(capacity);
        return buffer;
    }

    @Override
    public void send(ByteBuffer content) {
        requireNonNull(content, "content is null");
        answer();
        response.write(true, content, this);
    }

    @Override
    public void stream(int chunkSize, Source source) {
        requireNonNull(source, "source is null");
        if (chunkSize <= 0) {
            source.close();
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        answer();
        this.source = source;
        if (pooled == null) {
            pooled = request.getComponents().getByteBufferPool().acquire(chunkSize, true);
        }
        new Streamer(pooled.getByteBuffer(), chunkSize, source).iterate();
    }

    @Override
    public void fail(Throwable failure) {
        requireNonNull(failure, "failure is null");
        answer();
        failed(failure);
    }

    private void answer() {
        if (answered) {
            throw new IllegalStateException("the exchange was already answered");
        }
        answered = true;
    }

    /** The route declined: nothing of this exchange stays. */
    void decline() {
        response.reset();
        release();
    }

    // ------------------------------------------------------------------ Callback (the one send's)

    @Override
    public void succeeded() {
        if (end()) {
            callback.succeeded();
        }
    }

    @Override
    public void failed(Throwable failure) {
        if (!response.isCommitted()) {
            DirectRoutes.ErrorBody error = ending.errorBody(failure);
            response.reset();
            response.setStatus(error.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, error.contentType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, error.body().length);
            response.write(true, ByteBuffer.wrap(error.body()), Callback.from(this::succeeded, this::abort));
            return;
        }
        abort(failure);
    }

    private void abort(Throwable failure) {
        if (end()) {
            callback.failed(failure);
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    /** True the first time: releases what the exchange holds and tells the entry. */
    private boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        if (source != null) {
            source.close();
        }
        release();
        ending.ended(this);
        return true;
    }

    private void release() {
        if (pooled != null) {
            pooled.release();
            pooled = null;
        }
    }

    /** Writes a stream's chunks one after the other, without recursion when writes finish at once. */
    private final class Streamer extends IteratingCallback {
        private final ByteBuffer chunk;
        private final int chunkSize;
        private final Source source;
        private boolean more = true;

        Streamer(ByteBuffer chunk, int chunkSize, Source source) {
            this.chunk = chunk;
            this.chunkSize = Math.min(chunkSize, chunk.capacity());
            this.source = source;
        }

        @Override
        protected Action process() throws Throwable {
            if (!more) {
                return Action.SUCCEEDED;
            }
            chunk.clear().limit(chunkSize);
            more = source.fill(chunk);
            chunk.flip();
            response.write(!more, chunk, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            CoreExchange.this.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable failure) {
            CoreExchange.this.failed(failure);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }
}
