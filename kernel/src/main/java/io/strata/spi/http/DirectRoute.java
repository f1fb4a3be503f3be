package io.strata.spi.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A route the kernel serves straight from its servlet, beside the Jakarta REST whiteboard: no
 * resource matching, filter chain or entity providers stand between the request and {@link #serve}.
 * It is for the few data paths where that per-request cost shows (file reads); every other call
 * should be a Jakarta REST resource. Publish it as an OSGi service of this type.
 *
 * <p>The kernel matches the request path exactly (no templates, no trailing slash), answers 405
 * for a method not in {@link #methods()}, lists the route in {@code GET /} with its {@link
 * #description()}, times it as {@code strata.http.request{route=<METHOD> <path>}} and reports it
 * among its bundle's routes. A {@link io.strata.spi.StrataException} thrown before the response is
 * committed becomes the one error body {@code {"status": "<message>"}} with its kind's status; any
 * other exception is a logged 500 with an id; a route class marked {@link MetaServiceEnvelope} gets
 * them in the meta-service's envelope instead. The kernel's admin-token and leader-only markers do
 * not apply: a direct route checks what it needs itself. When the service goes away, the kernel
 * stops routing to it and waits for the requests in flight before letting it go.
 *
 * <p>Since 1.2.0 a route may also answer the requests it can answer without blocking (a cached
 * small read) in {@link #serveNonBlocking}: the kernel offers it every request first, on its HTTP
 * server's own thread (possibly the one that read the request from the socket) and below the
 * servlet layer, and hands the requests it declines to {@link #serve} on a thread that may block.
 * Everything above holds for both ways.
 */
public interface DirectRoute {
    /** The exact path, starting with {@code /}, e.g. {@code /api/v1/worker/file}. */
    String path();

    /** The methods served, upper case, e.g. {@code GET} and {@code HEAD}. */
    Set<String> methods();

    /** The line {@code GET /} shows, in the form of {@link Description}. */
    String description();

    /** Answers one request; the method is one of {@link #methods()}. */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /**
     * Answers the request through {@code exchange} if that needs no blocking call (no UFS access, no
     * lock held for long; the exchange's writes are asynchronous), and returns true: the route has
     * then ended the exchange or handed it a {@link DirectExchange.Source} that will. Returns false,
     * having set nothing on the exchange, to have the kernel call {@link #serve} on a thread that
     * may block instead. A {@link io.strata.spi.StrataException} thrown here becomes the error body
     * as for {@link #serve}. The method is one of {@link #methods()}. By default it declines.
     *
     * @since 1.2.0
     */
    default boolean serveNonBlocking(DirectExchange exchange) throws IOException {
        return false;
    }
}
