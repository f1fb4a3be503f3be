package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;

/** Hands each request to the whiteboard's current Jersey application. */
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
        Generation generation = whiteboard.acquire();
        try {
            generation.container().service(request, response);
        } finally {
            generation.release();
        }
    }
}
