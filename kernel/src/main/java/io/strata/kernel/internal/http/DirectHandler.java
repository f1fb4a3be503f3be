package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's first handler, in front of the servlet context: a request to a direct route that the route
 * answers without blocking ({@link io.strata.spi.http.DirectRoute#serveNonBlocking}) is answered
 * here, on the thread that read it, with no servlet objects and no hand-off. Declared non-blocking
 * so Jetty runs it on that thread; every other request is handed to the server's thread pool and
 * the servlet context, as before.
 */
final class DirectHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(DirectHandler.class);

    private final Whiteboard whiteboard;

    DirectHandler(Whiteboard whiteboard, Handler next) {
        super(next);
        this.whiteboard = requireNonNull(whiteboard, "whiteboard is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        DirectRoutes.Entry direct = whiteboard.direct(request.getHttpURI().getPath());
        if (direct != null && direct.serveNonBlocking(request, response, callback)) {
            return true;
        }
        request.getComponents().getThreadPool().execute(() -> handleBlocking(request, response, callback));
        return true;
    }

    private void handleBlocking(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable e) {
            LOG.debug("Request {} failed", request.getHttpURI(), e);
            Response.writeError(request, response, callback, e);
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
