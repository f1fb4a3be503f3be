package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class TestMetricsQuery {
    private static final Reading LATENCY = new Reading.Scalar("latency", "latency", MetricKind.GAUGE, 1);
    private static final Reading COUNT = new Reading.Scalar("count", "count", MetricKind.COUNTER, 2);
    private static final List<Entity> ENTITIES = List.of(
            new Entity("server", "host:1", new TreeMap<>(), List.of(LATENCY, COUNT)),
            new Entity("bundle", "io.strata.a", new TreeMap<>(Map.of("bundle", "io.strata.a")), List.of(COUNT)),
            new Entity("route", "GET /a", new TreeMap<>(Map.of("route", "GET /a", "method", "GET")), List.of(LATENCY)),
            new Entity(
                    "route",
                    "POST /b",
                    new TreeMap<>(Map.of("route", "POST /b", "method", "POST")),
                    List.of(LATENCY, COUNT)));

    private static MetricsQuery parse(String... keyValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters
                    .computeIfAbsent(keyValues[i], ignored -> new java.util.ArrayList<>())
                    .add(keyValues[i + 1]);
        }
        return MetricsQuery.parse(parameters);
    }

    private static List<String> ids(MetricsQuery query) {
        return query.apply(ENTITIES).stream().map(Entity::id).toList();
    }

    @Test
    void testNoFilterKeepsEverything() {
        assertThat(ids(parse())).containsExactly("host:1", "io.strata.a", "GET /a", "POST /b");
    }

    @Test
    void testValuesOfOneFilterAreOredAndTrimmed() {
        assertThat(ids(parse("types", " bundle , route,,"))).containsExactly("io.strata.a", "GET /a", "POST /b");
        assertThat(ids(parse("ids", "GET /a,host:1"))).containsExactly("host:1", "GET /a");
    }

    @Test
    void testFiltersAreAnded() {
        assertThat(ids(parse("types", "route", "ids", "POST /b,io.strata.a"))).containsExactly("POST /b");
        assertThat(ids(parse("types", "bundle", "attributes", "method,GET"))).isEmpty();
    }

    @Test
    void testAnEntityMatchesIfAnyAttributePairDoes() {
        assertThat(ids(parse("attributes", "method,POST,bundle,io.strata.a")))
                .containsExactly("io.strata.a", "POST /b");
        assertThat(ids(parse("attributes", "method,PUT"))).isEmpty();
    }

    @Test
    void testMetricFilterDropsEntitiesLeftWithoutMetrics() {
        List<Entity> kept = parse("metrics", "count").apply(ENTITIES);
        assertThat(kept).extracting(Entity::id).containsExactly("host:1", "io.strata.a", "POST /b");
        assertThat(kept).allSatisfy(entity -> assertThat(entity.readings()).containsExactly(COUNT));
    }

    @Test
    void testUnknownTypesAndIdsAreNotErrors() {
        assertThat(ids(parse("types", "replica"))).isEmpty();
        assertThat(ids(parse("ids", "nope"))).isEmpty();
    }

    @Test
    void testFieldsAreBriefUnlessDetailOrAList() {
        assertThat(parse().fields()).containsExactlyInAnyOrderElementsOf(MetricsQuery.BRIEF_FIELDS);
        assertThat(parse("detail", "false").fields()).containsExactlyInAnyOrderElementsOf(MetricsQuery.BRIEF_FIELDS);
        assertThat(parse("detail", "TRUE").fields()).containsExactlyInAnyOrderElementsOf(MetricsQuery.ALL_FIELDS);
        assertThat(parse("with_metric_fields", "name,p99").fields()).containsExactlyInAnyOrder("name", "p99");
        // an empty list means all fields, and the list wins over detail
        assertThat(parse("with_metric_fields", "").fields())
                .containsExactlyInAnyOrderElementsOf(MetricsQuery.ALL_FIELDS);
        assertThat(parse("with_metric_fields", "value", "detail", "true").fields())
                .containsExactly("value");
    }

    @Test
    void testFormat() {
        assertThat(parse().format()).isEmpty();
        assertThat(parse("format", "Prometheus").format()).contains(MetricsQuery.Format.PROMETHEUS);
        assertThat(parse("format", "json").format()).contains(MetricsQuery.Format.JSON);
        assertInvalid(() -> parse("format", "xml"), "the value of format should be json or prometheus");
    }

    @Test
    void testBadParametersHaveTheReferenceMessages() {
        assertInvalid(
                () -> parse("attributes", "a,b,c"),
                "the number of arguments for attributes should be even, since each attribute name always pairs with a value");
        assertInvalid(
                () -> parse("detail", "yes"), "the value of detail should be a boolean value, i.e. true or false");
        assertInvalid(() -> parse("foo", "bar"), "unknown field foo=bar");
        assertInvalid(() -> parse("types", "a", "types", "b"), "duplicate parameter: types");
    }

    private static void assertInvalid(Runnable call, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        StrataException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessage(message);
    }
}
