package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.api.v1.introspection.MetricValue;
import io.strata.api.v1.introspection.MetricsEntity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class TestMetricsJson {
    private static final Reading.Distribution LATENCY = new Reading.Distribution(
            "strata.http.request",
            "strata.http.request{route=GET /a}",
            MetricKind.TIMER,
            3,
            2e6,
            1e6,
            2.5e6,
            3e6,
            3e6,
            3.5e6);
    private static final Reading.Scalar REQUESTS = new Reading.Scalar(
            "strata.http.request.count", "strata.http.request{route=GET /a}", MetricKind.EVENT_COUNT, 3L);
    private static final Entity ROUTE =
            new Entity("route", "GET /a", new TreeMap<>(Map.of("route", "GET /a")), List.of(LATENCY, REQUESTS));

    @Test
    void testBriefFields() throws Exception {
        List<MetricsEntity> entities =
                MetricsJson.entities(List.of(ROUTE), new LinkedHashSet<>(MetricsQuery.BRIEF_FIELDS));
        assertThat(new ObjectMapper().writeValueAsString(entities))
                .isEqualTo("[{\"type\":\"route\",\"id\":\"GET /a\",\"attributes\":{\"route\":\"GET /a\"},"
                        + "\"metrics\":[{\"name\":\"strata.http.request\",\"p50\":1000000,\"p90\":2500000,\"p95\":3000000,\"p99\":3000000,\"p999\":3500000},"
                        + "{\"name\":\"strata.http.request.count\",\"value\":3}]}]");
    }

    @Test
    void testDetailedFields() {
        MetricValue percentile = MetricsJson.metric(LATENCY, new LinkedHashSet<>(MetricsQuery.ALL_FIELDS));
        assertThat(percentile)
                .isEqualTo(new MetricValue(
                        "Percentile",
                        "strata.http.request",
                        "NanoSeconds",
                        "Time to answer a request of the route.",
                        null,
                        1_000_000L,
                        2_500_000L,
                        3_000_000L,
                        3_000_000L,
                        3_500_000L));
        MetricValue counter = MetricsJson.metric(REQUESTS, new LinkedHashSet<>(MetricsQuery.ALL_FIELDS));
        assertThat(counter)
                .isEqualTo(new MetricValue(
                        "Counter",
                        "strata.http.request.count",
                        "Requests",
                        "Requests of the route answered since the route appeared.",
                        3L,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void testOnlyTheAskedFields() {
        assertThat(MetricsJson.metric(LATENCY, new LinkedHashSet<>(List.of("p99", "value"))))
                .isEqualTo(new MetricValue(null, null, null, null, null, null, null, null, 3_000_000L, null));
    }

    @Test
    void testNumbersAreWholeWhenTheyCanBe() {
        assertThat(MetricsJson.number(12.0)).isEqualTo(12L);
        assertThat(MetricsJson.number(12.5)).isEqualTo(12.5);
    }

    @Test
    void testNonFiniteValuesAreLeftOutOfJson() {
        Entity entity = new Entity(
                "server",
                "h:1",
                new TreeMap<>(),
                List.of(
                        new Reading.Scalar("strata.x.ratio", "strata.x.ratio", MetricKind.GAUGE, Double.NaN),
                        new Reading.Scalar("strata.x.size", "strata.x.size", MetricKind.GAUGE, 7)));
        assertThat(MetricsJson.entities(List.of(entity), new LinkedHashSet<>(MetricsQuery.BRIEF_FIELDS)))
                .singleElement()
                .satisfies(json ->
                        assertThat(json.metrics()).extracting(MetricValue::name).containsExactly("strata.x.size"));
    }
}
