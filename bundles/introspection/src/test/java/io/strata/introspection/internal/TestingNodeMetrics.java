package io.strata.introspection.internal;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import io.strata.spi.metrics.NodeMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A node registry with owners, as the kernel's {@link NodeMetrics} has it: a real registry, owners by hand. */
final class TestingNodeMetrics implements NodeMetrics {
    private final MetricRegistry registry = new MetricRegistry();
    private final Map<String, String> owners = new HashMap<>();

    /** A metric of the kernel. */
    <T extends Metric> T kernel(String name, T metric) {
        return registry.register(name, metric);
    }

    /** A metric a bundle registered. */
    <T extends Metric> T bundle(String symbolicName, String name, T metric) {
        owners.put(name, symbolicName);
        return registry.register(name, metric);
    }

    @Override
    public MetricRegistry registry() {
        return registry;
    }

    @Override
    public Optional<String> owner(String metricName) {
        return Optional.ofNullable(owners.get(metricName));
    }
}
