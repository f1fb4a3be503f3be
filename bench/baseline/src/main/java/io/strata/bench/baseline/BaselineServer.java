package io.strata.bench.baseline;

import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark baseline: a bare Jetty 12.1 ee10 + Jersey 3.1 + Jackson application with one
 * resource, {@code GET /api/v1/health}, on {@code 127.0.0.1:<port>}. It uses the same libraries,
 * thread pool size and Jersey switches as the Strata kernel, so the difference measured by
 * {@code bench/run} is what the kernel adds (OSGi, ZooKeeper, whiteboard, health checks).
 * Arguments: {@code <port>}. Stops on SIGTERM or SIGINT.
 */
public final class BaselineServer {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineServer.class);
    private static final int MAX_THREADS = 200;

    private BaselineServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BaselineServer <port>");
            System.exit(2);
        }
        long begin = System.nanoTime();
        int port = Integer.parseInt(args[0]);

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("baseline-http");
        Server server = new Server(threads);
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(configuration));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ResourceConfig application = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .registerInstances(new BaselineHealthResource());
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("jersey", new ServletContainer(application));
        holder.setInitOrder(0);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.setStopAtShutdown(false);
        server.start();
        LOG.info(
                "Baseline started in {} ms on 127.0.0.1:{}",
                (System.nanoTime() - begin) / 1_000_000,
                connector.getLocalPort());

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.stop();
                            } catch (Exception e) {
                                LOG.warn("Stopping the server failed", e);
                            }
                            stop.countDown();
                        },
                        "baseline-stop"));
        stop.await();
    }
}
