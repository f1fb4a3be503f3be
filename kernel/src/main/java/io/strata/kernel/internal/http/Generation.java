package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * One fully built Jersey application with what was derived from its resource model. Requests
 * acquire it; once retired it takes no new requests and is destroyed when the last one finishes.
 */
final class Generation {
    private final long number;
    private final ServletContainer container;
    private final SortedMap<String, String> listing;
    private final Map<Long, List<String>> routesByBundle;
    private final Set<String> routeMetricNames;
    private final Set<Object> services;
    private final InFlight inFlight = new InFlight();

    Generation(
            long number,
            ServletContainer container,
            SortedMap<String, String> listing,
            Map<Long, List<String>> routesByBundle,
            Set<String> routeMetricNames,
            Set<Object> services) {
        this.number = number;
        this.container = requireNonNull(container, "container is null");
        this.listing = Collections.unmodifiableSortedMap(listing);
        this.routesByBundle = Map.copyOf(routesByBundle);
        this.routeMetricNames = Set.copyOf(routeMetricNames);
        this.services = Set.copyOf(services);
    }

    long number() {
        return number;
    }

    ServletContainer container() {
        return container;
    }

    SortedMap<String, String> listing() {
        return listing;
    }

    List<String> routes(long bundleId) {
        return routesByBundle.getOrDefault(bundleId, List.of());
    }

    Set<String> routeMetricNames() {
        return routeMetricNames;
    }

    /** The whiteboard service objects this generation serves. */
    Set<Object> services() {
        return services;
    }

    /** False once retired: the caller must take the current generation instead. */
    boolean tryAcquire() {
        return inFlight.tryAcquire();
    }

    void release() {
        if (inFlight.release()) {
            container.destroy();
        }
    }

    boolean retired() {
        return inFlight.retired();
    }

    void retire() {
        if (inFlight.retire()) {
            container.destroy();
        }
    }
}
