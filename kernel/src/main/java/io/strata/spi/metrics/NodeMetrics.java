package io.strata.spi.metrics;

import com.codahale.metrics.MetricRegistry;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The node-wide view of metrics, provided by the kernel as a service: every metric of the kernel
 * and of every bundle, and which bundle registered which. (A bundle that wants to register metrics
 * references {@link MetricRegistry} instead and gets a registry of its own, removed when it stops.)
 */
@ProviderType
public interface NodeMetrics {
    MetricRegistry registry();

    /** The symbolic name of the bundle that registered the metric; empty for the kernel's own. */
    Optional<String> owner(String metricName);
}
