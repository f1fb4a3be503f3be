package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty with one servlet, the whiteboard's, behind the {@link DirectHandler} that answers direct
 * routes' non-blocking requests; stops gracefully, letting in-flight requests finish.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Server server;
    private final ServerConnector connector;

    public HttpServer(String host, int port, int maxThreads, long shutdownTimeoutMs, Whiteboard whiteboard) {
        requireNonNull(whiteboard, "whiteboard is null");
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
        threads.setName("strata-http");
        server = new Server(threads);
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        configuration.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(configuration));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("strata", new SwitchingServlet(whiteboard));
        holder.setInitOrder(0);
        context.addServlet(holder, "/*");
        context.setErrorHandler(new JsonErrorHandler());
        server.setErrorHandler(new JsonErrorHandler());
        // direct routes' non-blocking answers first, below the servlet layer; the rest goes to the servlet
        server.setHandler(new GracefulHandler(new DirectHandler(whiteboard, context)));
        server.setStopTimeout(shutdownTimeoutMs);
        server.setStopAtShutdown(false);
    }

    /**
     * @throws PortInUseException when the port is taken
     */
    public void start() throws Exception {
        try {
            server.start();
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                server.stop();
                throw new PortInUseException(connector.getHost(), connector.getPort());
            }
            throw e;
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the HTTP server failed", e);
        }
    }

    /** The configured port is taken by another process. */
    public static final class PortInUseException extends Exception {
        private static final long serialVersionUID = 1L;

        PortInUseException(String host, int port) {
            super("HTTP port " + port + " on " + host + " is already in use (strata.http.port)");
        }
    }
}
