package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.strata.api.v1.StatusResponse;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.http.DirectExchange;
import io.strata.spi.http.DirectRoute;
import io.strata.spi.http.MetaServiceEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DirectRoute} services, by exact path. A route is live as soon as its service is seen;
 * when the service goes away it takes no new requests and the tracker waits (up to {@value
 * #DRAIN_MS} ms) for those in flight before the bundle may stop it. A request is offered to the
 * route's {@link DirectRoute#serveNonBlocking} first ({@link DirectHandler}, below the servlet
 * layer), then, when declined, to its {@link DirectRoute#serve} ({@link SwitchingServlet}).
 */
final class DirectRoutes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectRoutes.class);
    private static final long DRAIN_MS = 30_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter ENVELOPE = MAPPER.writer(MetaServiceEnvelopeFilter.printer());

    private final BundleContext context;
    private final MetricRegistry registry;
    private final Map<String, Entry> byPath = new ConcurrentHashMap<>();
    private ServiceTracker<DirectRoute, Entry> tracker;

    DirectRoutes(BundleContext context, MetricRegistry registry) {
        this.context = requireNonNull(context, "context is null");
        this.registry = requireNonNull(registry, "registry is null");
    }

    void open() {
        tracker = new ServiceTracker<>(context, DirectRoute.class, new Customizer());
        tracker.open();
    }

    /** The route serving exactly {@code path}, if any. */
    Entry route(String path) {
        return byPath.get(path);
    }

    /** {@code path -> description}, for {@code GET /}. */
    SortedMap<String, String> listing() {
        SortedMap<String, String> listing = new TreeMap<>();
        byPath.forEach((path, entry) -> listing.put(path, entry.route.description()));
        return listing;
    }

    /** The routes ({@code "GET /path"}) of one bundle. */
    List<String> routes(long bundleId) {
        Set<String> routes = new TreeSet<>();
        byPath.values().stream()
                .filter(entry -> entry.bundleId == bundleId)
                .forEach(entry -> entry.timers.keySet().forEach(method -> routes.add(method + " " + entry.path)));
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    /** A route's timer: a lock-free reservoir, so timing costs the hot path next to nothing. */
    private Timer timer(String method, String path) {
        return registry.timer(
                RouteMetrics.metricName(method + " " + path),
                () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }

    /** An error answer: status, content type and body. */
    record ErrorBody(int status, String contentType, byte[] body) {}

    /** One published route, counting the requests it is serving. */
    final class Entry implements CoreExchange.Ending {
        private final DirectRoute route;
        private final String path;
        private final long bundleId;
        private final Map<String, Timer> timers;
        private final String allowed;
        /** Errors in the meta-service's envelope ({@link MetaServiceEnvelope} on the route's class). */
        private final boolean envelope;
        /** Whether the route overrides {@link DirectRoute#serveNonBlocking}. */
        private final boolean nonBlocking;

        private final InFlight inFlight = new InFlight();

        private Entry(DirectRoute route, String path, long bundleId) {
            this.route = route;
            this.path = path;
            this.bundleId = bundleId;
            Map<String, Timer> timers = new TreeMap<>();
            for (String method : route.methods()) {
                timers.put(method, timer(method, path));
            }
            this.timers = Map.copyOf(timers);
            this.allowed = String.join(", ", new TreeSet<>(timers.keySet()));
            this.envelope = route.getClass().isAnnotationPresent(MetaServiceEnvelope.class);
            this.nonBlocking = overridesNonBlocking(route);
        }

        /**
         * Offers the request to the route's {@link DirectRoute#serveNonBlocking}: true when the route
         * took it (it ends through {@code callback}), false when nothing was written and the request
         * goes the blocking way (also for a method the route does not serve: the servlet answers 405).
         */
        boolean serveNonBlocking(Request request, Response response, Callback callback) {
            if (!nonBlocking || !timers.containsKey(request.getMethod()) || !inFlight.tryAcquire()) {
                return false;
            }
            CoreExchange exchange = new CoreExchange(request, response, callback, this, System.nanoTime());
            boolean taken;
            try {
                taken = route.serveNonBlocking(exchange);
            } catch (IOException | RuntimeException e) {
                if (exchange.answered()) {
                    LOG.debug("{} failed after answering", path, e);
                    return true;
                }
                exchange.fail(e);
                return true;
            }
            if (!taken) {
                exchange.decline();
                inFlight.release();
                return false;
            }
            return true;
        }

        @Override
        public void ended(CoreExchange exchange) {
            try {
                timers.get(exchange.method()).update(System.nanoTime() - exchange.begin(), TimeUnit.NANOSECONDS);
            } finally {
                inFlight.release();
            }
        }

        @Override
        public ErrorBody errorBody(Throwable failure) {
            if (failure instanceof StrataException strata) {
                return errorBody(strata.kind(), strata.getMessage());
            }
            return errorBody(ErrorKind.INTERNAL, ErrorMapper.internalError(failure));
        }

        /**
         * Serves the request unless the route was retired meanwhile; false then, and nothing was
         * written.
         */
        boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!inFlight.tryAcquire()) {
                return false;
            }
            try {
                Timer timer = timers.get(request.getMethod());
                if (timer == null) {
                    response.setHeader("Allow", allowed);
                    error(response, 405, "Method not allowed on " + path);
                    return true;
                }
                long begin = System.nanoTime();
                try {
                    route.serve(request, response);
                } catch (StrataException e) {
                    fail(response, e.kind(), e.getMessage(), e);
                } catch (RuntimeException e) {
                    fail(response, ErrorKind.INTERNAL, ErrorMapper.internalError(e), e);
                } finally {
                    timer.update(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
                }
                return true;
            } finally {
                inFlight.release();
            }
        }

        private void fail(HttpServletResponse response, ErrorKind kind, String message, RuntimeException e)
                throws IOException {
            if (response.isCommitted()) {
                // the status line is gone: all that is left is to cut the body short
                throw new IOException(path + " failed after answering: " + message, e);
            }
            response.reset();
            ErrorBody error = errorBody(kind, message);
            write(response, error.status(), error.contentType(), error.body());
        }

        /** {@link ErrorMapper#entity}, rendered as the Jersey path renders it. */
        private ErrorBody errorBody(ErrorKind kind, String message) {
            Object entity = ErrorMapper.entity(kind, message, envelope);
            try {
                if (entity instanceof String text) {
                    return new ErrorBody(kind.httpStatus(), "text/plain", text.getBytes(StandardCharsets.UTF_8));
                }
                byte[] json = envelope
                        ? (ENVELOPE.writeValueAsString(entity) + "\n").getBytes(StandardCharsets.UTF_8)
                        : MAPPER.writeValueAsBytes(entity);
                return new ErrorBody(kind.httpStatus(), "application/json", json);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write an error body", e);
            }
        }

        /** Takes no new requests and waits for those in flight. */
        private void retire() {
            inFlight.retire();
            try {
                if (!inFlight.awaitDrained(DRAIN_MS)) {
                    LOG.warn("{} still had requests in flight after {} ms; letting it go", path, DRAIN_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes the one error body, {@code {"status": "<message>"}}. */
    static void error(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, "application/json", MAPPER.writeValueAsBytes(new StatusResponse(message)));
    }

    private static boolean overridesNonBlocking(DirectRoute route) {
        try {
            return route.getClass()
                            .getMethod("serveNonBlocking", DirectExchange.class)
                            .getDeclaringClass()
                    != DirectRoute.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private final class Customizer implements ServiceTrackerCustomizer<DirectRoute, Entry> {
        @Override
        public Entry addingService(ServiceReference<DirectRoute> reference) {
            DirectRoute route = context.getService(reference);
            if (route == null) {
                return null;
            }
            String path = route.path();
            long bundleId = reference.getBundle().getBundleId();
            if (path == null || !path.startsWith("/") || route.methods().isEmpty()) {
                LOG.error(
                        "Ignoring the direct route {} of bundle {}: it needs a path starting with / and a method",
                        path,
                        bundleId);
                context.ungetService(reference);
                return null;
            }
            Entry entry = new Entry(route, path, bundleId);
            Entry previous = byPath.putIfAbsent(path, entry);
            if (previous != null) {
                LOG.error(
                        "Ignoring the direct route {} of bundle {}: bundle {} already serves that path",
                        path,
                        bundleId,
                        previous.bundleId);
                context.ungetService(reference);
                return null;
            }
            LOG.debug("Serving the direct route {} {} of bundle {}", entry.allowed, path, bundleId);
            return entry;
        }

        @Override
        public void modifiedService(ServiceReference<DirectRoute> reference, Entry entry) {}

        @Override
        public void removedService(ServiceReference<DirectRoute> reference, Entry entry) {
            byPath.remove(entry.path, entry);
            entry.retire();
            entry.timers
                    .keySet()
                    .forEach(method -> registry.remove(RouteMetrics.metricName(method + " " + entry.path)));
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // the bundle is already gone
            }
        }
    }
}
