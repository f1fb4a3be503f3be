package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.StrataException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of {@code GET /metrics} with the reference's semantics: every value is a
 * comma-separated list (tokens trimmed, empty ones dropped); values of one filter are ORed, the
 * filters are ANDed (type, id, attributes, then metric names); an entity left with no metric is
 * omitted. {@code with_metric_fields} (empty means all fields) wins over {@code detail}.
 * {@code format} ({@code json} or {@code prometheus}) is Strata's addition.
 */
record MetricsQuery(
        Set<String> fields,
        Set<String> types,
        Set<String> ids,
        List<Attribute> attributes,
        Set<String> metrics,
        Optional<Format> format) {
    static final List<String> ALL_FIELDS =
            List.of("type", "name", "unit", "desc", "value", "p50", "p90", "p95", "p99", "p999");
    static final List<String> BRIEF_FIELDS = List.of("name", "value", "p50", "p90", "p95", "p99", "p999");
    static final List<String> PARAMETERS =
            List.of("with_metric_fields", "types", "ids", "attributes", "metrics", "detail", "format");

    enum Format {
        JSON,
        PROMETHEUS
    }

    record Attribute(String name, String value) {
        Attribute {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    MetricsQuery {
        fields = Set.copyOf(requireNonNull(fields, "fields is null"));
        types = Set.copyOf(requireNonNull(types, "types is null"));
        ids = Set.copyOf(requireNonNull(ids, "ids is null"));
        attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
        metrics = Set.copyOf(requireNonNull(metrics, "metrics is null"));
        requireNonNull(format, "format is null");
    }

    /**
     * Parses the query parameters (decoded, by name, in request order).
     *
     * @throws StrataException {@code INVALID_ARGUMENT} with the reference's message for an unknown
     *     or repeated parameter, an odd attribute list or a {@code detail} that is not a boolean
     */
    static MetricsQuery parse(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw StrataException.invalidArgument(
                        "unknown field " + parameter.getKey() + "=" + String.join(",", parameter.getValue()));
            }
            if (parameter.getValue().size() > 1) {
                throw StrataException.invalidArgument("duplicate parameter: " + parameter.getKey());
            }
        }
        List<String> attributeTokens = tokens(parameters, "attributes");
        if (attributeTokens.size() % 2 != 0) {
            throw StrataException.invalidArgument(
                    "the number of arguments for attributes should be even, since each attribute name always pairs with a value");
        }
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < attributeTokens.size(); i += 2) {
            attributes.add(new Attribute(attributeTokens.get(i), attributeTokens.get(i + 1)));
        }
        boolean detail = false;
        if (parameters.containsKey("detail")) {
            String value = single(parameters, "detail").strip().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw StrataException.invalidArgument(
                        "the value of detail should be a boolean value, i.e. true or false");
            }
            detail = value.equals("true");
        }
        Set<String> fields;
        if (parameters.containsKey("with_metric_fields")) {
            List<String> asked = tokens(parameters, "with_metric_fields");
            fields = new LinkedHashSet<>(asked.isEmpty() ? ALL_FIELDS : asked);
        } else {
            fields = new LinkedHashSet<>(detail ? ALL_FIELDS : BRIEF_FIELDS);
        }
        Optional<Format> format = Optional.empty();
        if (parameters.containsKey("format")) {
            String value = single(parameters, "format").strip().toLowerCase(Locale.ROOT);
            format = Optional.of(
                    switch (value) {
                        case "json" -> Format.JSON;
                        case "prometheus" -> Format.PROMETHEUS;
                        default ->
                            throw StrataException.invalidArgument("the value of format should be json or prometheus");
                    });
        }
        return new MetricsQuery(
                fields,
                new LinkedHashSet<>(tokens(parameters, "types")),
                new LinkedHashSet<>(tokens(parameters, "ids")),
                attributes,
                new LinkedHashSet<>(tokens(parameters, "metrics")),
                format);
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** The reference's {@code split_args}: split on commas, trim, drop empty tokens. */
    static List<String> tokens(Map<String, List<String>> parameters, String name) {
        List<String> tokens = new ArrayList<>();
        for (String token : single(parameters, name).split(",")) {
            String trimmed = token.strip();
            if (!trimmed.isEmpty()) {
                tokens.add(trimmed);
            }
        }
        return tokens;
    }

    /** The entities that pass the type, id and attribute filters, each with the metrics that pass the name filter. */
    List<Entity> apply(List<Entity> entities) {
        List<Entity> kept = new ArrayList<>();
        for (Entity entity : entities) {
            if (!types.isEmpty() && !types.contains(entity.type())) {
                continue;
            }
            if (!ids.isEmpty() && !ids.contains(entity.id())) {
                continue;
            }
            if (!attributes.isEmpty()
                    && attributes.stream()
                            .noneMatch(pair ->
                                    pair.value().equals(entity.attributes().get(pair.name())))) {
                continue;
            }
            List<Reading> readings = metrics.isEmpty()
                    ? entity.readings()
                    : entity.readings().stream()
                            .filter(reading -> metrics.contains(reading.name()))
                            .toList();
            if (!readings.isEmpty()) {
                kept.add(entity.withReadings(readings));
            }
        }
        return kept;
    }
}
