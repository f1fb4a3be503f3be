package io.strata.spi.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Metric names are {@code strata.<area>.<name>}; a metric of one entity carries it in braces:
 * {@code strata.http.request{route=GET /api/v1/health}}. {@code /metrics} turns the braces into
 * the entity and Prometheus output into a label.
 */
public final class MetricNames {
    private MetricNames() {}

    public static String tagged(String name, String entityType, String entityId) {
        requireNonNull(name, "name is null");
        requireNonNull(entityType, "entityType is null");
        requireNonNull(entityId, "entityId is null");
        return name + "{" + entityType + "=" + entityId + "}";
    }

    /** The parts of a tagged name, or empty for a plain one. */
    public static Optional<Tagged> parse(String metricName) {
        int open = metricName.indexOf('{');
        int equals = metricName.indexOf('=', open + 1);
        if (open <= 0 || equals < 0 || !metricName.endsWith("}")) {
            return Optional.empty();
        }
        return Optional.of(new Tagged(
                metricName.substring(0, open),
                metricName.substring(open + 1, equals),
                metricName.substring(equals + 1, metricName.length() - 1)));
    }

    public record Tagged(String name, String entityType, String entityId) {
        public Tagged {
            requireNonNull(name, "name is null");
            requireNonNull(entityType, "entityType is null");
            requireNonNull(entityId, "entityId is null");
        }
    }
}
