package io.strata.api.v1.introspection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One metric of an entity with the fields that were asked for (absent ones are omitted).
 * {@code type} is {@code Gauge}, {@code Counter} or {@code Percentile}; a gauge or counter has a
 * {@code value}, a percentile has {@code p50} to {@code p999} and no {@code value}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricValue(
        String type,
        String name,
        String unit,
        String desc,
        Number value,
        Number p50,
        Number p90,
        Number p95,
        Number p99,
        Number p999) {}
