package io.strata.kernel.internal.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricRegistryListener;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.Timer;
import com.codahale.metrics.jvm.GarbageCollectorMetricSet;
import com.codahale.metrics.jvm.MemoryUsageGaugeSet;
import com.codahale.metrics.jvm.ThreadStatesGaugeSet;
import io.strata.spi.metrics.NodeMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one metric registry, with JVM metrics. Each bundle that asks for the
 * {@link MetricRegistry} service gets a registry of its own whose metrics are mirrored into the
 * node's; when the bundle stops they are removed again, so nothing is left behind.
 */
public final class MetricsService implements ServiceFactory<MetricRegistry> {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);

    private final MetricRegistry registry = new MetricRegistry();
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    public MetricsService() {
        registerJvm("strata.jvm.memory", new MemoryUsageGaugeSet());
        registerJvm("strata.jvm.gc", new GarbageCollectorMetricSet());
        registerJvm("strata.jvm.threads", new ThreadStatesGaugeSet());
    }

    private void registerJvm(String prefix, MetricSet set) {
        set.getMetrics().forEach((name, metric) -> registry.register(prefix + "." + normalize(name), metric));
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]+", ".")
                .replaceAll("\\.+", ".")
                .replaceAll("^\\.|\\.$", "");
    }

    public MetricRegistry registry() {
        return registry;
    }

    /** The symbolic name of the bundle that registered a metric, if a bundle did. */
    public Optional<String> owner(String metricName) {
        return Optional.ofNullable(owners.get(metricName));
    }

    /**
     * The node-wide view as a plain service object. (This class is a {@link ServiceFactory}, so
     * registering it under another interface would hand out per-bundle registries instead.)
     */
    public NodeMetrics nodeMetrics() {
        return new NodeMetrics() {
            @Override
            public MetricRegistry registry() {
                return registry;
            }

            @Override
            public Optional<String> owner(String metricName) {
                return MetricsService.this.owner(metricName);
            }
        };
    }

    @Override
    public MetricRegistry getService(Bundle bundle, ServiceRegistration<MetricRegistry> registration) {
        MetricRegistry view = new MetricRegistry();
        view.addListener(new Mirror(bundle.getSymbolicName(), view));
        return view;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<MetricRegistry> registration, MetricRegistry view) {
        Set<String> names = view.getNames();
        names.forEach(this::removeOwned);
        LOG.debug("Removed {} metrics of bundle {}", names.size(), bundle.getSymbolicName());
    }

    private void removeOwned(String name) {
        owners.remove(name);
        registry.remove(name);
    }

    /** Mirrors one bundle's registry into the node's. */
    private final class Mirror implements MetricRegistryListener {
        private final String owner;
        private final MetricRegistry view;

        Mirror(String owner, MetricRegistry view) {
            this.owner = owner;
            this.view = view;
        }

        private void added(String name, Metric metric) {
            try {
                registry.register(name, metric);
                owners.put(name, owner);
            } catch (IllegalArgumentException e) {
                LOG.warn(
                        "Bundle {} registered metric {}, which another owner has already; it is not published",
                        owner,
                        name);
            }
        }

        private void removed(String name) {
            if (owner.equals(owners.get(name)) && !view.getNames().contains(name)) {
                removeOwned(name);
            }
        }

        @Override
        public void onGaugeAdded(String name, Gauge<?> gauge) {
            added(name, gauge);
        }

        @Override
        public void onGaugeRemoved(String name) {
            removed(name);
        }

        @Override
        public void onCounterAdded(String name, Counter counter) {
            added(name, counter);
        }

        @Override
        public void onCounterRemoved(String name) {
            removed(name);
        }

        @Override
        public void onHistogramAdded(String name, Histogram histogram) {
            added(name, histogram);
        }

        @Override
        public void onHistogramRemoved(String name) {
            removed(name);
        }

        @Override
        public void onMeterAdded(String name, Meter meter) {
            added(name, meter);
        }

        @Override
        public void onMeterRemoved(String name) {
            removed(name);
        }

        @Override
        public void onTimerAdded(String name, Timer timer) {
            added(name, timer);
        }

        @Override
        public void onTimerRemoved(String name) {
            removed(name);
        }
    }
}
