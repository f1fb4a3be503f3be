package io.strata.kernel.internal;

import io.strata.spi.StrataException;
import io.strata.spi.http.DirectExchange;
import io.strata.spi.http.DirectRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A direct route that answers {@code mode=fast} (and {@code stream}, {@code bad}, {@code bug},
 * {@code torn}) without blocking and declines the rest to its blocking {@link #serve}.
 */
final class TestingDirectRoute implements DirectRoute {
    static final String PATH = "/api/v1/testing-direct";

    final AtomicInteger nonBlocking = new AtomicInteger();
    final AtomicInteger blocking = new AtomicInteger();
    final AtomicInteger sourcesClosed = new AtomicInteger();

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    public String description() {
        return "mode=<fast|slow|stream|bad|bug|torn>&bytes=<n>. Answers the testing way.";
    }

    @Override
    public boolean serveNonBlocking(DirectExchange exchange) throws IOException {
        String mode = exchange.parameter("mode");
        if (mode == null || mode.equals("slow")) {
            return false;
        }
        nonBlocking.incrementAndGet();
        switch (mode) {
            case "fast" -> {
                byte[] text = ("fast " + exchange.header("X-Testing")).getBytes(StandardCharsets.UTF_8);
                ByteBuffer buffer = exchange.buffer(text.length);
                buffer.put(text).flip();
                exchange.setStatus(201);
                exchange.setHeader("Content-Type", "text/plain");
                exchange.setContentLength(text.length);
                exchange.send(buffer);
            }
            case "stream" -> {
                long bytes = Long.parseLong(exchange.parameter("bytes"));
                exchange.setHeader("Content-Type", "application/octet-stream");
                exchange.setContentLength(bytes);
                exchange.stream(64 * 1024, new Counting(bytes, Long.MAX_VALUE));
            }
            case "torn" -> {
                // fails before its first chunk: the error body; after it: a cut body
                long failAt = Long.parseLong(exchange.parameter("bytes"));
                exchange.setContentLength(1 << 20);
                exchange.stream(64 * 1024, new Counting(1 << 20, failAt));
            }
            case "bad" -> throw StrataException.invalidArgument("bad is bad");
            case "bug" -> throw new IllegalStateException("secret");
            default -> {
                nonBlocking.decrementAndGet();
                return false;
            }
        }
        return true;
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        blocking.incrementAndGet();
        byte[] text = ("slow " + request.getParameter("mode")).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    /** Bytes {@code i % 251} up to {@code length}, failing once {@code failAt} bytes were produced. */
    private final class Counting implements DirectExchange.Source {
        private final long length;
        private final long failAt;
        private long produced;

        Counting(long length, long failAt) {
            this.length = length;
            this.failAt = failAt;
        }

        @Override
        public boolean fill(ByteBuffer chunk) {
            if (produced >= failAt) {
                throw StrataException.invalidArgument("torn at " + produced);
            }
            while (chunk.hasRemaining() && produced < length) {
                chunk.put((byte) (produced++ % 251));
            }
            return produced < length;
        }

        @Override
        public void close() {
            sourcesClosed.incrementAndGet();
        }
    }
}
