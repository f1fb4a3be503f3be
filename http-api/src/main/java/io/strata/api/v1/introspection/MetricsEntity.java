package io.strata.api.v1.introspection;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entity of {@code /metrics}: {@code server} (id {@code host:port}) for the kernel's own
 * metrics, {@code bundle} (id its symbolic name) for a bundle's, or the entity a metric is tagged
 * with ({@code route}, id {@code GET /version}). Attributes are sorted by name.
 */
public record MetricsEntity(String type, String id, Map<String, String> attributes, List<MetricValue> metrics) {
    public MetricsEntity {
        requireNonNull(type, "type is null");
        requireNonNull(id, "id is null");
        attributes = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(attributes, "attributes is null")));
        metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
    }
}
