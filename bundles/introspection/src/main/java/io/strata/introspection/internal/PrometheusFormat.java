package io.strata.introspection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Prometheus text exposition (format 0.0.4) of the same entities {@code /metrics} shows, written
 * so that {@code promtool check metrics} finds nothing to report:
 * <ul>
 *   <li>names are sanitised ({@code strata.http.request} → {@code strata_http_request}); an entity
 *       becomes a label ({@code route="GET /version"}, {@code bundle="io.strata.x"});
 *   <li>timers are summaries in seconds ({@code _seconds}), histograms summaries in their own unit,
 *       both with quantiles 0.5 to 0.999 from the sampling reservoir, {@code _count}, and a
 *       {@code _sum} estimated as count × the reservoir's mean (Dropwizard keeps no exact sum);
 *   <li>a name whose last segment is a unit other than seconds ({@code .ms}, {@code .us}, {@code .ns})
 *       is converted to seconds; meters are counters ({@code _total}); Dropwizard counters, which can
 *       go down, are gauges;
 *   <li>a gauge whose name ends in a suffix Prometheus reserves ({@code _count}, {@code _sum},
 *       {@code _bucket}, {@code _total}) or names its type is written as {@code untyped};
 *   <li>two metrics that end up with the same name keep the first one.
 * </ul>
 */
final class PrometheusFormat {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String[] QUANTILES = {"0.5", "0.9", "0.95", "0.99", "0.999"};
    private static final double EXACT_LONG_LIMIT = 9.007199254740992E15;

    private final Map<String, Family> families = new HashMap<>();
    private final Map<String, String> sampleOwners = new HashMap<>();

    private PrometheusFormat() {}

    static String render(List<Entity> entities) {
        PrometheusFormat format = new PrometheusFormat();
        for (Entity entity : entities) {
            SortedMap<String, String> labels = labels(entity);
            for (Reading reading : entity.readings()) {
                format.add(reading, labels);
            }
        }
        return format.write();
    }

    private enum Type {
        GAUGE,
        COUNTER,
        SUMMARY,
        UNTYPED;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Family(String name, Type type, String help, List<String> lines, Set<String> labelSets) {}

    private static SortedMap<String, String> labels(Entity entity) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (entity.type().equals(Entity.BUNDLE)) {
            labels.put(Entity.BUNDLE, entity.id());
        } else if (!entity.type().equals(Entity.SERVER)) {
            labels.put(labelName(entity.type()), entity.id());
        }
        return labels;
    }

    private void add(Reading reading, SortedMap<String, String> labels) {
        if (reading.kind() == MetricKind.EVENT_COUNT) {
            // the summary's _count says it already
            return;
        }
        UnitName unitName = UnitName.of(reading.name());
        String help = help(reading, unitName);
        if (reading instanceof Reading.Distribution distribution) {
            double scale = reading.kind() == MetricKind.TIMER ? 1e-9 : unitName.scale();
            String name = reading.kind() == MetricKind.TIMER
                    ? secondsName(UnitName.withoutUnit(reading.name()))
                    : unitName.name();
            Family family = family(name, Type.SUMMARY, help, List.of(name, name + "_sum", name + "_count"));
            if (family == null || !family.labelSets().add(labels.toString())) {
                return;
            }
            double[] values = {
                distribution.p50(), distribution.p90(), distribution.p95(), distribution.p99(), distribution.p999()
            };
            for (int i = 0; i < QUANTILES.length; i++) {
                SortedMap<String, String> withQuantile = new TreeMap<>(labels);
                withQuantile.put("quantile", QUANTILES[i]);
                family.lines().add(sample(name, withQuantile, format(values[i] * scale)));
            }
            family.lines()
                    .add(sample(name + "_sum", labels, format(distribution.mean() * distribution.count() * scale)));
            family.lines().add(sample(name + "_count", labels, Long.toString(distribution.count())));
            return;
        }
        Reading.Scalar scalar = (Reading.Scalar) reading;
        Type type;
        String name;
        if (reading.kind() == MetricKind.METER) {
            type = Type.COUNTER;
            name = unitName.name().endsWith("_total") ? unitName.name() : unitName.name() + "_total";
        } else {
            name = unitName.name();
            type = reservedForOtherTypes(name) ? Type.UNTYPED : Type.GAUGE;
        }
        Family family = family(name, type, help, List.of(name));
        if (family == null || !family.labelSets().add(labels.toString())) {
            return;
        }
        String value = unitName.scale() == 1 && !(scalar.value() instanceof Double || scalar.value() instanceof Float)
                ? Long.toString(scalar.value().longValue())
                : format(scalar.value().doubleValue() * unitName.scale());
        family.lines().add(sample(name, labels, value));
    }

    /** The family to add to, created if new; null when the name is taken by a family of another kind. */
    private Family family(String name, Type type, String help, List<String> sampleNames) {
        Family existing = families.get(name);
        if (existing != null) {
            return existing.type() == type ? existing : null;
        }
        for (String sampleName : sampleNames) {
            if (sampleOwners.containsKey(sampleName)) {
                return null;
            }
        }
        Family family = new Family(name, type, help, new ArrayList<>(), new HashSet<>());
        families.put(name, family);
        sampleNames.forEach(sampleName -> sampleOwners.put(sampleName, name));
        return family;
    }

    private String write() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(families).values().forEach(family -> {
            out.append("# HELP ")
                    .append(family.name())
                    .append(' ')
                    .append(escapeHelp(family.help()))
                    .append('\n');
            out.append("# TYPE ")
                    .append(family.name())
                    .append(' ')
                    .append(family.type().text())
                    .append('\n');
            family.lines().forEach(line -> out.append(line).append('\n'));
        });
        return out.toString();
    }

    private static String help(Reading reading, UnitName unitName) {
        String description = MetricDescriptions.description(reading);
        String help = description.isEmpty() ? "Strata metric " + reading.name() + "." : description;
        if (reading.kind() == MetricKind.TIMER || unitName.scale() != 1) {
            help += " In seconds.";
        }
        if (reading instanceof Reading.Distribution) {
            help += " Quantiles from a sampling reservoir; _sum is estimated from its mean.";
        }
        return help;
    }

    /** A gauge may not end like a counter, summary or histogram sample, nor name its own type. */
    private static boolean reservedForOtherTypes(String name) {
        return name.endsWith("_total")
                || name.endsWith("_count")
                || name.endsWith("_sum")
                || name.endsWith("_bucket")
                || name.endsWith("_gauge")
                || name.contains("_gauge_");
    }

    private static String secondsName(String name) {
        return name.endsWith("_seconds") ? name : name + "_seconds";
    }

    private static String sample(String name, Map<String, String> labels, String value) {
        StringBuilder line = new StringBuilder(name);
        if (!labels.isEmpty()) {
            line.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    line.append(',');
                }
                first = false;
                line.append(label.getKey())
                        .append("=\"")
                        .append(escapeLabel(label.getValue()))
                        .append('"');
            }
            line.append('}');
        }
        return line.append(' ').append(value).toString();
    }

    /** {@code strata.http.request} → {@code strata_http_request}: lower case, [a-z0-9_] only, no doubled underscores. */
    static String metricName(String name) {
        String sanitized = name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_")
                .replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        if (sanitized.isEmpty() || Character.isDigit(sanitized.charAt(0))) {
            sanitized = "strata_" + sanitized;
        }
        return sanitized;
    }

    /** An entity type as a label name; names Prometheus reserves get an {@code entity_} prefix. */
    static String labelName(String type) {
        String sanitized = metricName(type);
        return sanitized.equals("quantile")
                        || sanitized.equals("le")
                        || sanitized.startsWith("strata_") && !type.startsWith("strata")
                ? "entity_" + sanitized
                : sanitized;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG_LIMIT) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /**
     * A sanitised name with a unit in its last segment turned into a base unit (time → seconds,
     * {@code kb}..{@code pb} → bytes), and the factor to get there. Any other segment that is an
     * abbreviated unit Prometheus' linter flags ({@code b}, {@code m}, {@code h}, ...) is joined to
     * the segment before it.
     */
    private record UnitName(String name, double scale) {
        private static final Set<String> ABBREVIATIONS =
                Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d");

        static UnitName of(String dotted) {
            String base = withoutUnit(dotted);
            return switch (lastSegment(dotted)) {
                case "ms" -> new UnitName(secondsName(base), 1e-3);
                case "us" -> new UnitName(secondsName(base), 1e-6);
                case "ns" -> new UnitName(secondsName(base), 1e-9);
                case "s", "sec", "seconds" -> new UnitName(secondsName(base), 1);
                case "kb" -> new UnitName(bytesName(base), 1024.0);
                case "mb" -> new UnitName(bytesName(base), 1024.0 * 1024);
                case "gb" -> new UnitName(bytesName(base), 1024.0 * 1024 * 1024);
                case "tb" -> new UnitName(bytesName(base), 1024.0 * 1024 * 1024 * 1024);
                case "pb" -> new UnitName(bytesName(base), 1024.0 * 1024 * 1024 * 1024 * 1024);
                default -> new UnitName(base, 1);
            };
        }

        /** The sanitised name without a unit segment that {@link #of} converts. */
        static String withoutUnit(String dotted) {
            String name = dotted;
            switch (lastSegment(dotted)) {
                case "ms", "us", "ns", "s", "sec", "seconds", "kb", "mb", "gb", "tb", "pb" ->
                    name = dotted.substring(0, dotted.lastIndexOf('.'));
                default -> {
                    // no unit to convert
                }
            }
            return joinAbbreviations(metricName(name));
        }

        private static String joinAbbreviations(String sanitized) {
            String[] segments = sanitized.split("_");
            StringBuilder joined = new StringBuilder(segments[0]);
            for (int i = 1; i < segments.length; i++) {
                if (!ABBREVIATIONS.contains(segments[i])) {
                    joined.append('_');
                }
                joined.append(segments[i]);
            }
            return joined.toString();
        }

        private static String bytesName(String name) {
            return name.endsWith("_bytes") ? name : name + "_bytes";
        }

        private static String lastSegment(String dotted) {
            int dot = dotted.lastIndexOf('.');
            return dot < 0 ? "" : dotted.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }
}
