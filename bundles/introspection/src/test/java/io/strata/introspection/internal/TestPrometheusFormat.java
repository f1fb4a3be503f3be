package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.SlidingWindowReservoir;
import com.codahale.metrics.Timer;
import io.strata.kernel.internal.metrics.MetricsService;
import io.strata.spi.metrics.MetricNames;
import io.strata.spi.metrics.NodeMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class TestPrometheusFormat {
    @Test
    void testRendersFamiliesWithHelpTypeAndLabels() {
        List<Entity> entities = List.of(
                new Entity(
                        "server",
                        "h:1",
                        new TreeMap<>(),
                        List.of(new Reading.Scalar(
                                "strata.jvm.threads.count", "strata.jvm.threads.count", MetricKind.GAUGE, 12))),
                new Entity(
                        "bundle",
                        "io.strata.a",
                        new TreeMap<>(Map.of("bundle", "io.strata.a")),
                        List.of(new Reading.Scalar("strata.a.requests", "strata.a.requests", MetricKind.METER, 7L))),
                new Entity(
                        "route",
                        "GET /a\"b",
                        new TreeMap<>(Map.of("route", "GET /a\"b")),
                        List.of(
                                new Reading.Distribution(
                                        "strata.http.request", "x", MetricKind.TIMER, 4, 2e6, 1e6, 2e6, 3e6, 4e6, 5e6),
                                new Reading.Scalar("strata.http.request.count", "x", MetricKind.EVENT_COUNT, 4L))));

        assertThat(PrometheusFormat.render(entities)).isEqualTo("""
                # HELP strata_a_requests_total Strata metric strata.a.requests.
                # TYPE strata_a_requests_total counter
                strata_a_requests_total{bundle="io.strata.a"} 7
                # HELP strata_http_request_seconds Time to answer a request of the route. In seconds. Quantiles from a sampling reservoir; _sum is estimated from its mean.
                # TYPE strata_http_request_seconds summary
                strata_http_request_seconds{quantile="0.5",route="GET /a\\"b"} 0.001
                strata_http_request_seconds{quantile="0.9",route="GET /a\\"b"} 0.002
                strata_http_request_seconds{quantile="0.95",route="GET /a\\"b"} 0.003
                strata_http_request_seconds{quantile="0.99",route="GET /a\\"b"} 0.004
                strata_http_request_seconds{quantile="0.999",route="GET /a\\"b"} 0.005
                strata_http_request_seconds_sum{route="GET /a\\"b"} 0.008
                strata_http_request_seconds_count{route="GET /a\\"b"} 4
                # HELP strata_jvm_threads_count JVM threads: count.
                # TYPE strata_jvm_threads_count untyped
                strata_jvm_threads_count 12
                """);
    }

    @Test
    void testTimeUnitsBecomeSeconds() {
        List<Entity> entities = List.of(new Entity(
                "server",
                "h:1",
                new TreeMap<>(),
                List.of(
                        new Reading.Scalar("strata.x.lag.ms", "strata.x.lag.ms", MetricKind.GAUGE, 1500),
                        new Reading.Scalar("strata.x.size.bytes", "strata.x.size.bytes", MetricKind.GAUGE, 10))));
        String text = PrometheusFormat.render(entities);
        assertThat(text)
                .contains("strata_x_lag_seconds 1.5\n")
                .contains("strata_x_size_bytes 10\n")
                .doesNotContain("_ms");
    }

    @Test
    void testAbbreviatedUnitsAreNotLeftInNames() {
        List<Entity> entities = List.of(new Entity(
                "server",
                "h:1",
                new TreeMap<>(),
                List.of(
                        new Reading.Scalar("strata.x.page.kb", "strata.x.page.kb", MetricKind.GAUGE, 4),
                        new Reading.Scalar("strata.x.load.h.avg", "strata.x.load.h.avg", MetricKind.GAUGE, 2),
                        new Reading.Scalar("strata.x.b", "strata.x.b", MetricKind.GAUGE, 1))));
        String text = PrometheusFormat.render(entities);
        assertThat(text)
                .contains("strata_x_page_bytes 4096\n")
                .contains("strata_x_loadh_avg 2\n")
                .contains("strata_xb 1\n");
        assertThat(TestingCommands.promtoolCheckMetrics(text)).isEqualTo(new TestingCommands.Result(0, ""));
    }

    @Test
    void testNamesAndValues() {
        assertThat(PrometheusFormat.metricName("strata.jvm.gc.g1-young:generation"))
                .isEqualTo("strata_jvm_gc_g1_young_generation");
        assertThat(PrometheusFormat.metricName("9lives")).isEqualTo("strata_9lives");
        assertThat(PrometheusFormat.labelName("quantile")).isEqualTo("entity_quantile");
        assertThat(PrometheusFormat.labelName("route")).isEqualTo("route");
        assertThat(PrometheusFormat.format(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusFormat.format(3.0)).isEqualTo("3");
        assertThat(PrometheusFormat.format(0.25)).isEqualTo("0.25");
    }

    @Test
    void testTheFirstOfTwoCollidingNamesWins() {
        List<Entity> entities = List.of(new Entity(
                "server",
                "h:1",
                new TreeMap<>(),
                List.of(
                        new Reading.Scalar("strata.a.c", "strata.a.c", MetricKind.GAUGE, 1),
                        new Reading.Scalar("strata.a-c", "strata.a-c", MetricKind.GAUGE, 3),
                        new Reading.Scalar("strata.a_c", "strata.a_c", MetricKind.METER, 2L),
                        new Reading.Distribution("strata.c", "strata.c", MetricKind.HISTOGRAM, 1, 1, 1, 1, 1, 1, 1),
                        new Reading.Scalar("strata.c.count", "strata.c.count", MetricKind.GAUGE, 9))));
        String text = PrometheusFormat.render(entities);
        assertThat(text)
                .contains("strata_a_c 1\n")
                .contains("strata_a_c_total 2\n")
                .doesNotContain(" 3\n")
                .contains("strata_c_count 1\n")
                .doesNotContain(" 9\n");
        assertThat(TestingCommands.promtoolCheckMetrics(text)).isEqualTo(new TestingCommands.Result(0, ""));
    }

    @Test
    void testPromtoolFindsNothingToReportOnARealRegistry() {
        // the kernel's own registry (JVM metrics) plus what routes and bundles register
        MetricsService service = new MetricsService();
        NodeMetrics nodeMetrics = service.nodeMetrics();
        Timer route =
                service.registry().timer(MetricNames.tagged("strata.http.request", "route", "GET /api/v1/health"));
        route.update(Duration.ofMillis(3));
        service.registry()
                .timer(MetricNames.tagged("strata.http.request", "route", "POST /updateConfig"))
                .update(Duration.ofMillis(30));
        service.registry().meter("strata.x.requests").mark(4);
        service.registry().counter("strata.x.open.count").inc(2);
        service.registry().register("strata.x.lag.ms", (Gauge<Long>) () -> 25L);
        service.registry().register("strata.x.ratio", (Gauge<Double>) () -> Double.NaN);
        service.registry().histogram("strata.x.sizes.bytes").update(1024);
        service.registry().register("strata.x.window", new Histogram(new SlidingWindowReservoir(10)));
        service.registry().register("strata.x.total", new Counter());
        service.registry().register("strata.x.meter.total", new Meter());
        service.registry()
                .register(MetricNames.tagged("strata.x.usage", "quantile", "weird \"id\"\n"), (Gauge<Integer>) () -> 1);

        List<Entity> entities = new MetricsCollector(nodeMetrics, "127.0.0.1:8470").collect();
        String text = PrometheusFormat.render(entities);

        assertThat(text)
                .contains("strata_jvm_memory_heap_used")
                .contains("strata_http_request_seconds_count{route=\"GET /api/v1/health\"} 1");
        assertThat(TestingCommands.promtoolCheckMetrics(text)).isEqualTo(new TestingCommands.Result(0, ""));
    }
}
