package io.strata.api.v1.introspection;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /metrics}: who answers ({@code role} joins the node's roles with commas, {@code host}
 * and {@code port} are its HTTP address) and the entities whose metrics passed the filters.
 */
public record MetricsResponse(
        String cluster,
        String role,
        String host,
        int port,
        @JsonProperty("timestamp_ns") long timestampNs,
        List<MetricsEntity> entities) {
    public MetricsResponse {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(role, "role is null");
        requireNonNull(host, "host is null");
        entities = List.copyOf(requireNonNull(entities, "entities is null"));
    }
}
