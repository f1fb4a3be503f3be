package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.kernel.internal.bundles.RouteDirectory;
import io.strata.spi.Leadership;
import io.strata.spi.http.Description;
import io.strata.spi.http.Resources;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.ext.ContextResolver;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.ModelValidationException;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jakarta REST whiteboard: services marked {@code osgi.jakartars.resource=true} become root
 * resources and {@code osgi.jakartars.extension=true} providers. On every change a complete new
 * Jersey application is built next to the serving one and swapped in only once it works; the old
 * one finishes its in-flight requests and is then destroyed. A model Jersey rejects leaves the
 * previous application serving, and the bundles that brought the offending services are reported.
 */
public final class Whiteboard implements RouteDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);
    private static final long DEBOUNCE_MS = 5;
    private static final long AWAIT_MS = 30_000;
    public static final String FILTER = "(|(" + Resources.RESOURCE + "=true)(" + Resources.EXTENSION + "=true))";

    private final BundleContext context;
    private final MetricRegistry registry;
    private final Optional<String> adminToken;
    private final Supplier<List<Object>> kernelResources;
    private final Supplier<Optional<Leadership>> leadership;
    private final Map<ServiceReference<Object>, Registered> services = new ConcurrentHashMap<>();
    private final Map<Long, String> rejected = new ConcurrentHashMap<>();
    private final AtomicReference<Generation> current = new AtomicReference<>();
    private final AtomicBoolean rebuildScheduled = new AtomicBoolean();
    /** While held (during start-up, as bundles start one by one), changes are only counted: one build follows. */
    private final AtomicBoolean held = new AtomicBoolean();

    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong generations = new AtomicLong();
    private final Object servedLock = new Object();
    private final ScheduledExecutorService rebuilder;
    private final DirectRoutes direct;
    private long served;
    private ServletConfig servletConfig;
    private ServiceTracker<Object, Object> tracker;

    private record Registered(Object service, long bundleId, boolean resource) {}

    public Whiteboard(
            BundleContext context,
            MetricRegistry registry,
            Optional<String> adminToken,
            Supplier<Optional<Leadership>> leadership,
            Supplier<List<Object>> kernelResources) {
        this.context = requireNonNull(context, "context is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.adminToken = requireNonNull(adminToken, "adminToken is null");
        this.kernelResources = requireNonNull(kernelResources, "kernelResources is null");
        this.leadership = requireNonNull(leadership, "leadership is null");
        this.direct = new DirectRoutes(context, registry);
        this.rebuilder = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-whiteboard");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts tracking services and asks for the first application, built in the background (or at
     * {@link #release()} when held: during start-up it is built once, with every bundle's resources).
     * Until it serves, {@link #acquire()} has nothing to give.
     */
    synchronized void open(ServletConfig config) {
        this.servletConfig = requireNonNull(config, "config is null");
        Filter filter;
        try {
            filter = context.createFilter(FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker = new ServiceTracker<>(context, filter, new Customizer());
        tracker.open(true);
        direct.open();
        requestRebuild();
    }

    /**
     * The generation to serve a request with, which the caller must {@link Generation#release()};
     * null while the first one is being built.
     */
    Generation acquire() {
        while (true) {
            Generation generation = current.get();
            if (generation == null || generation.tryAcquire()) {
                return generation;
            }
        }
    }

    /** The direct route serving exactly {@code path}, or null. */
    DirectRoutes.Entry direct(String path) {
        return direct.route(path);
    }

    /** {@code path -> description} of every route served, Jakarta REST and direct. */
    public SortedMap<String, String> listing() {
        Generation generation = current.get();
        SortedMap<String, String> listing = generation == null ? new TreeMap<>() : new TreeMap<>(generation.listing());
        listing.putAll(direct.listing());
        return listing;
    }

    @Override
    public List<String> routes(long bundleId) {
        Generation generation = current.get();
        List<String> routes = new ArrayList<>(generation == null ? List.of() : generation.routes(bundleId));
        routes.addAll(direct.routes(bundleId));
        routes.sort(null);
        return routes;
    }

    @Override
    public Optional<String> problem(long bundleId) {
        return Optional.ofNullable(rejected.get(bundleId));
    }

    @Override
    public void awaitServing() {
        long target = requested.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MS);
        synchronized (servedLock) {
            while (served < target) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    LOG.warn("The HTTP application did not catch up with service changes within {} ms", AWAIT_MS);
                    return;
                }
                try {
                    servedLock.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Defers rebuilding until {@link #release()}, so starting many bundles builds the application once. */
    public void hold() {
        held.set(true);
    }

    /** Ends a {@link #hold()}, building once if anything changed meanwhile. */
    public void release() {
        held.set(false);
        requested.incrementAndGet();
        scheduleRebuild();
    }

    private void requestRebuild() {
        requested.incrementAndGet();
        if (!held.get()) {
            scheduleRebuild();
        }
    }

    private void scheduleRebuild() {
        if (rebuildScheduled.compareAndSet(false, true)) {
            rebuilder.schedule(this::rebuild, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void rebuild() {
        rebuildScheduled.set(false);
        long target = requested.get();
        try {
            swap(snapshot());
        } catch (RuntimeException e) {
            LOG.error("Rebuilding the HTTP application failed", e);
        } finally {
            synchronized (servedLock) {
                served = Math.max(served, target);
                servedLock.notifyAll();
            }
        }
    }

    private List<Registered> snapshot() {
        List<Registered> snapshot = new ArrayList<>(services.values());
        snapshot.sort((left, right) -> Long.compare(left.bundleId(), right.bundleId()));
        return snapshot;
    }

    private synchronized void swap(List<Registered> wanted) {
        long begin = System.nanoTime();
        Generation previous = current.get();
        Generation next;
        try {
            next = build(wanted);
            rejected.clear();
        } catch (ServletException | RuntimeException e) {
            String reason = reason(e);
            Set<Object> serving = previous == null ? Set.of() : previous.services();
            List<Registered> added = wanted.stream()
                    .filter(entry -> !serving.contains(entry.service()))
                    .toList();
            LOG.error(
                    "The HTTP resources of bundles {} were rejected, the previous ones keep serving: {}",
                    added.stream()
                            .map(entry -> bundleName(entry.bundleId()))
                            .collect(Collectors.toCollection(TreeSet::new)),
                    reason);
            added.forEach(entry -> rejected.put(entry.bundleId(), "HTTP resources rejected: " + reason));
            try {
                next = build(wanted.stream()
                        .filter(entry -> serving.contains(entry.service()))
                        .toList());
            } catch (ServletException | RuntimeException again) {
                LOG.error(
                        "Rebuilding without them failed too; keeping generation {}",
                        previous == null ? "none" : previous.number(),
                        again);
                return;
            }
        }
        current.set(next);
        if (previous != null) {
            previous.retire();
        }
        updateRouteMetrics(previous == null ? Set.of() : previous.routeMetricNames(), next.routeMetricNames());
        LOG.debug(
                "Serving HTTP generation {} with {} paths, built in {} ms",
                next.number(),
                next.listing().size(),
                (System.nanoTime() - begin) / 1_000_000);
    }

    private void updateRouteMetrics(Set<String> before, Set<String> after) {
        before.stream().filter(name -> !after.contains(name)).forEach(registry::remove);
        after.forEach(registry::timer);
    }

    private Generation build(List<Registered> wanted) throws ServletException {
        long number = generations.incrementAndGet();
        List<Object> kernel = kernelResources.get();
        Map<Class<?>, Long> owners = new IdentityHashMap<>();
        kernel.forEach(resource -> owners.put(resource.getClass(), 0L));
        wanted.stream()
                .filter(Registered::resource)
                .forEach(entry -> owners.put(entry.service().getClass(), entry.bundleId()));

        Map<Method, String> routeByMethod = new ConcurrentHashMap<>();
        AtomicReference<Generation> self = new AtomicReference<>();
        ObjectMapper mapper = JsonMappers.create();
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new MapperResolver(mapper))
                .register(new ErrorMapper())
                .register(new KernelFilters(
                        new LeaderOnlyFilter(leadership),
                        new AdminTokenFilter(adminToken),
                        new RequiredBodyFilter(),
                        new MetaServiceEnvelopeFilter(mapper)))
                .register(new EnumParamConverters())
                .register(new RouteMetrics(
                        registry,
                        routeByMethod,
                        () -> self.get() != null && self.get().retired()));
        kernel.forEach(config::registerInstances);
        for (Registered entry : wanted) {
            if (entry.resource()) {
                config.registerInstances(entry.service());
            } else {
                config.register(entry.service());
            }
        }
        ServletContainer container = new ServletContainer(config);
        ClassLoader previousLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Whiteboard.class.getClassLoader());
        try {
            container.init(servletConfig);
        } finally {
            Thread.currentThread().setContextClassLoader(previousLoader);
        }

        ResourceModel model = container
                .getApplicationHandler()
                .getInjectionManager()
                .getInstance(ExtendedResourceContext.class)
                .getResourceModel();
        Map<String, Map<String, String>> descriptions = new TreeMap<>();
        Map<Long, Set<String>> routesByBundle = new HashMap<>();
        for (Resource resource : model.getRootResources()) {
            walk(resource, "", owners, descriptions, routesByBundle, routeByMethod);
        }
        SortedMap<String, String> listing = new TreeMap<>();
        descriptions.forEach((path, byMethod) -> listing.put(path, describe(byMethod)));
        Map<Long, List<String>> routes = new HashMap<>();
        routesByBundle.forEach((bundle, names) -> routes.put(bundle, List.copyOf(names)));
        Set<String> metricNames =
                routeByMethod.values().stream().map(RouteMetrics::metricName).collect(Collectors.toSet());
        Set<Object> serving = wanted.stream().map(Registered::service).collect(Collectors.toSet());
        Generation generation = new Generation(number, container, listing, routes, metricNames, serving);
        self.set(generation);
        return generation;
    }

    private static void walk(
            Resource resource,
            String prefix,
            Map<Class<?>, Long> owners,
            Map<String, Map<String, String>> descriptions,
            Map<Long, Set<String>> routesByBundle,
            Map<Method, String> routeByMethod) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Class<?> handler = method.getInvocable().getHandler().getHandlerClass();
            Long owner = owners.get(handler);
            Method definition = method.getInvocable().getDefinitionMethod();
            if (owner == null || definition == null) {
                continue;
            }
            String route = method.getHttpMethod() + " " + path;
            Description description = definition.getAnnotation(Description.class);
            descriptions
                    .computeIfAbsent(path, ignored -> new LinkedHashMap<>())
                    .put(method.getHttpMethod(), description == null ? "(no description)" : description.value());
            routesByBundle.computeIfAbsent(owner, ignored -> new TreeSet<>()).add(route);
            routeByMethod.put(definition, route);
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, owners, descriptions, routesByBundle, routeByMethod);
        }
    }

    /** One line per path; methods with different descriptions are named. */
    private static String describe(Map<String, String> byMethod) {
        Set<String> distinct = new LinkedHashSet<>(byMethod.values());
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        return byMethod.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    static String join(String prefix, String path) {
        String joined = (prefix + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.isEmpty() ? "/" : joined;
    }

    private static String reason(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelValidationException validation) {
                return validation.getIssues().stream()
                        .filter(issue -> issue.getSeverity() == org.glassfish.jersey.Severity.FATAL)
                        .map(issue -> issue.getMessage())
                        .collect(Collectors.joining("; "));
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private String bundleName(long bundleId) {
        org.osgi.framework.Bundle bundle = context.getBundle(bundleId);
        return bundle == null ? String.valueOf(bundleId) : bundle.getSymbolicName();
    }

    @Override
    public void close() {
        direct.close();
        if (tracker != null) {
            tracker.close();
        }
        rebuilder.shutdownNow();
        Generation generation = current.get();
        if (generation != null) {
            generation.retire();
        }
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, Object> {
        @Override
        public Object addingService(ServiceReference<Object> reference) {
            Object service = context.getService(reference);
            if (service == null) {
                return null;
            }
            boolean resource = Boolean.parseBoolean(String.valueOf(reference.getProperty(Resources.RESOURCE)));
            services.put(
                    reference, new Registered(service, reference.getBundle().getBundleId(), resource));
            requestRebuild();
            return service;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Object service) {
            requestRebuild();
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Object service) {
            services.remove(reference);
            requestRebuild();
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // the bundle is already gone
            }
        }
    }

    /** Hands Jersey's Jackson provider this generation's mapper. */
    private record MapperResolver(ObjectMapper mapper) implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
