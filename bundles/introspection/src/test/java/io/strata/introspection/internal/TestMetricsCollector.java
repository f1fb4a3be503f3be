package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Timer;
import io.strata.spi.metrics.MetricNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestMetricsCollector {
    @Test
    void testEntitiesAreTheServerEachBundleAndEachTag() {
        TestingNodeMetrics metrics = new TestingNodeMetrics();
        metrics.kernel("strata.jvm.threads.count", (Gauge<Integer>) () -> 12);
        metrics.kernel(MetricNames.tagged("strata.http.request", "route", "GET /version"), new Timer());
        metrics.bundle("io.strata.quota", "strata.quota.checks", new Counter());
        metrics.bundle(
                "io.strata.quota", MetricNames.tagged("strata.quota.usage.bytes", "directory", "/data"), (Gauge<Long>)
                        () -> 5L);

        List<Entity> entities = new MetricsCollector(metrics, "10.0.0.1:8470").collect();

        assertThat(entities)
                .extracting(Entity::type, Entity::id)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("server", "10.0.0.1:8470"),
                        org.assertj.core.groups.Tuple.tuple("bundle", "io.strata.quota"),
                        org.assertj.core.groups.Tuple.tuple("directory", "/data"),
                        org.assertj.core.groups.Tuple.tuple("route", "GET /version"));
        assertThat(entities.get(0).attributes()).isEmpty();
        assertThat(entities.get(1).attributes()).containsExactly(Map.entry("bundle", "io.strata.quota"));
        assertThat(entities.get(2).attributes()).containsExactly(Map.entry("directory", "/data"));
        assertThat(entities.get(3).attributes())
                .containsExactly(
                        Map.entry("method", "GET"), Map.entry("path", "/version"), Map.entry("route", "GET /version"));
        assertThat(entities.get(2).readings())
                .extracting(Reading::name, Reading::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "strata.quota.usage.bytes", "strata.quota.usage.bytes{directory=/data}"));
    }

    @Test
    void testTimersArePercentilesWithTheirCount() {
        TestingNodeMetrics metrics = new TestingNodeMetrics();
        Timer timer = metrics.kernel("strata.x.latency", new Timer());
        timer.update(Duration.ofMillis(2));
        timer.update(Duration.ofMillis(4));

        List<Reading> readings =
                new MetricsCollector(metrics, "h:1").collect().get(0).readings();

        assertThat(readings)
                .extracting(Reading::name, Reading::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("strata.x.latency", MetricKind.TIMER),
                        org.assertj.core.groups.Tuple.tuple("strata.x.latency.count", MetricKind.EVENT_COUNT));
        Reading.Distribution distribution = (Reading.Distribution) readings.get(0);
        assertThat(distribution.count()).isEqualTo(2);
        assertThat(distribution.p999()).isEqualTo(4_000_000);
        assertThat(distribution.p50()).isBetween(2_000_000.0, 4_000_000.0);
        assertThat(((Reading.Scalar) readings.get(1)).value()).isEqualTo(2L);
    }

    @Test
    void testReadingChangesNothing() {
        TestingNodeMetrics metrics = new TestingNodeMetrics();
        metrics.kernel("strata.x.requests", new Meter()).mark(3);
        metrics.kernel("strata.x.open", new Counter()).inc(5);
        MetricsCollector collector = new MetricsCollector(metrics, "h:1");
        List<Entity> first = collector.collect();
        List<Entity> second = collector.collect();
        assertThat(second).isEqualTo(first);
        assertThat(first.get(0).readings())
                .extracting(reading -> ((Reading.Scalar) reading).value())
                .containsExactly(5L, 3L);
    }

    @Test
    void testGaugesThatAreNotNumbersOrFailAreLeftOut() {
        TestingNodeMetrics metrics = new TestingNodeMetrics();
        metrics.kernel("strata.x.names", (Gauge<List<String>>) () -> List.of("a"));
        metrics.kernel("strata.x.broken", (Gauge<Integer>) () -> {
            throw new IllegalStateException("broken");
        });
        metrics.kernel("strata.x.up", (Gauge<Boolean>) () -> true);
        metrics.bundle("io.strata.a", "strata.a.names", (Gauge<String>) () -> "x");

        List<Entity> entities = new MetricsCollector(metrics, "h:1").collect();

        assertThat(entities)
                .singleElement()
                .satisfies(entity -> assertThat(entity.readings())
                        .containsExactly(new Reading.Scalar("strata.x.up", "strata.x.up", MetricKind.GAUGE, 1)));
    }
}
