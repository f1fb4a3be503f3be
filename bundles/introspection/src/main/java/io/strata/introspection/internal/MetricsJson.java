package io.strata.introspection.internal;

import io.strata.api.v1.introspection.MetricValue;
import io.strata.api.v1.introspection.MetricsEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Entities as the {@code /metrics} JSON shows them, with only the fields that were asked for. */
final class MetricsJson {
    private static final double EXACT_LONG_LIMIT = 9.007199254740992E15;

    private MetricsJson() {}

    static List<MetricsEntity> entities(List<Entity> entities, Set<String> fields) {
        List<MetricsEntity> result = new ArrayList<>();
        for (Entity entity : entities) {
            List<MetricValue> metrics = new ArrayList<>();
            for (Reading reading : entity.readings()) {
                if (reading instanceof Reading.Scalar scalar && !finite(scalar.value())) {
                    // JSON has no NaN or infinity; the Prometheus view shows them
                    continue;
                }
                metrics.add(metric(reading, fields));
            }
            if (!metrics.isEmpty()) {
                result.add(new MetricsEntity(entity.type(), entity.id(), entity.attributes(), metrics));
            }
        }
        return result;
    }

    static MetricValue metric(Reading reading, Set<String> fields) {
        String type = fields.contains("type") ? reading.kind().referenceType() : null;
        String name = fields.contains("name") ? reading.name() : null;
        String unit = fields.contains("unit") ? MetricDescriptions.unit(reading) : null;
        String desc = fields.contains("desc") ? MetricDescriptions.description(reading) : null;
        if (reading instanceof Reading.Distribution distribution) {
            return new MetricValue(
                    type,
                    name,
                    unit,
                    desc,
                    null,
                    field(fields, "p50", distribution.p50()),
                    field(fields, "p90", distribution.p90()),
                    field(fields, "p95", distribution.p95()),
                    field(fields, "p99", distribution.p99()),
                    field(fields, "p999", distribution.p999()));
        }
        Reading.Scalar scalar = (Reading.Scalar) reading;
        return new MetricValue(
                type, name, unit, desc, fields.contains("value") ? scalar.value() : null, null, null, null, null, null);
    }

    private static Number field(Set<String> fields, String field, double value) {
        return fields.contains(field) ? number(value) : null;
    }

    /** A whole number as an integer ({@code 1200}, not {@code 1200.0}); anything else as it is. */
    static Number number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG_LIMIT) {
            return (long) value;
        }
        return value;
    }

    private static boolean finite(Number value) {
        return !(value instanceof Double || value instanceof Float) || Double.isFinite(value.doubleValue());
    }
}
