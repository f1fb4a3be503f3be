package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Hands each request to its direct route, or else to the whiteboard's current Jersey application. */
final class SwitchingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Whiteboard whiteboard;

    SwitchingServlet(Whiteboard whiteboard) {
        this.whiteboard = requireNonNull(whiteboard, "whiteboard is null");
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        whiteboard.open(config);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        HttpServletRequest http = (HttpServletRequest) request;
        DirectRoutes.Entry direct = whiteboard.direct(http.getRequestURI());
        if (direct != null && direct.serve(http, (HttpServletResponse) response)) {
            return;
        }
        Generation generation = whiteboard.acquire();
        if (generation == null) {
            DirectRoutes.error((HttpServletResponse) response, 503, "Strata is starting");
            return;
        }
        try {
            generation.container().service(QueryParametersOnly.of(http), response);
        } finally {
            generation.release();
        }
    }
}
