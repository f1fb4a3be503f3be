package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

/**
 * A metric's state read once from the registry, so that the JSON and the Prometheus views of one
 * request agree. {@code name} is the name within its entity, {@code source} the registry name.
 */
sealed interface Reading permits Reading.Scalar, Reading.Distribution {
    String name();

    String source();

    MetricKind kind();

    /** A gauge, counter, meter count or the event count of a distribution. */
    record Scalar(String name, String source, MetricKind kind, Number value) implements Reading {
        public Scalar {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * A timer (values in nanoseconds) or histogram: event count, sampled mean and quantiles of the
     * reservoir.
     */
    record Distribution(
            String name,
            String source,
            MetricKind kind,
            long count,
            double mean,
            double p50,
            double p90,
            double p95,
            double p99,
            double p999)
            implements Reading {
        public Distribution {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
            requireNonNull(kind, "kind is null");
        }
    }
}
