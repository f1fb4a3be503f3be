package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.strata.spi.metrics.MetricNames;
import io.strata.spi.metrics.NodeMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the node's registry once and groups its metrics by entity. Untagged metrics of the kernel
 * belong to the server, untagged metrics of a bundle to that bundle, and tagged ones to their tag.
 * Reading never changes a metric (no reset-on-read).
 */
final class MetricsCollector {
    private static final Comparator<Entity> ORDER = Comparator.comparing(
                    (Entity entity) -> !entity.type().equals(Entity.SERVER))
            .thenComparing(Entity::type)
            .thenComparing(Entity::id);

    private final NodeMetrics metrics;
    private final String serverId;

    MetricsCollector(NodeMetrics metrics, String serverId) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.serverId = requireNonNull(serverId, "serverId is null");
    }

    /** Every entity with its readings: the server first, then by type and id; readings by name. */
    List<Entity> collect() {
        Map<String, EntityBuilder> entities = new TreeMap<>();
        for (Map.Entry<String, Metric> entry : metrics.registry().getMetrics().entrySet()) {
            String source = entry.getKey();
            Optional<MetricNames.Tagged> tagged = MetricNames.parse(source);
            EntityBuilder entity;
            String name;
            if (tagged.isPresent()) {
                MetricNames.Tagged tag = tagged.get();
                entity = entities.computeIfAbsent(key(tag.entityType(), tag.entityId()), ignored -> tagEntity(tag));
                name = tag.name();
            } else {
                Optional<String> owner = metrics.owner(source);
                entity = owner.isPresent()
                        ? entities.computeIfAbsent(
                                key(Entity.BUNDLE, owner.get()), ignored -> bundleEntity(owner.get()))
                        : entities.computeIfAbsent(
                                key(Entity.SERVER, serverId), ignored -> new EntityBuilder(Entity.SERVER, serverId));
                name = source;
            }
            read(name, source, entry.getValue(), entity.readings);
        }
        List<Entity> result = new ArrayList<>();
        for (EntityBuilder builder : entities.values()) {
            if (!builder.readings.isEmpty()) {
                builder.readings.sort(Comparator.comparing(Reading::name).thenComparing(Reading::source));
                result.add(new Entity(builder.type, builder.id, builder.attributes, builder.readings));
            }
        }
        result.sort(ORDER);
        return result;
    }

    private static String key(String type, String id) {
        return type + '\u0000' + id;
    }

    private static EntityBuilder bundleEntity(String symbolicName) {
        EntityBuilder builder = new EntityBuilder(Entity.BUNDLE, symbolicName);
        builder.attributes.put(Entity.BUNDLE, symbolicName);
        return builder;
    }

    /** A tagged entity's attribute is its tag; a route also gets its method and path. */
    private static EntityBuilder tagEntity(MetricNames.Tagged tag) {
        EntityBuilder builder = new EntityBuilder(tag.entityType(), tag.entityId());
        builder.attributes.put(tag.entityType(), tag.entityId());
        if (tag.entityType().equals(Entity.ROUTE)) {
            int space = tag.entityId().indexOf(' ');
            if (space > 0) {
                builder.attributes.put("method", tag.entityId().substring(0, space));
                builder.attributes.put("path", tag.entityId().substring(space + 1));
            }
        }
        return builder;
    }

    /** Adds the metric's readings; a gauge that fails or is not a number adds none. */
    static void read(String name, String source, Metric metric, List<Reading> into) {
        if (metric instanceof Gauge<?> gauge) {
            Object value;
            try {
                value = gauge.getValue();
            } catch (RuntimeException e) {
                return;
            }
            if (value instanceof Number number) {
                into.add(new Reading.Scalar(name, source, MetricKind.GAUGE, number));
            } else if (value instanceof Boolean flag) {
                into.add(new Reading.Scalar(name, source, MetricKind.GAUGE, flag ? 1 : 0));
            }
        } else if (metric instanceof Counter counter) {
            into.add(new Reading.Scalar(name, source, MetricKind.COUNTER, counter.getCount()));
        } else if (metric instanceof Timer timer) {
            addDistribution(name, source, MetricKind.TIMER, timer.getCount(), timer, into);
        } else if (metric instanceof Histogram histogram) {
            addDistribution(name, source, MetricKind.HISTOGRAM, histogram.getCount(), histogram, into);
        } else if (metric instanceof Meter meter) {
            into.add(new Reading.Scalar(name, source, MetricKind.METER, meter.getCount()));
        }
    }

    private static void addDistribution(
            String name, String source, MetricKind kind, long count, Sampling sampling, List<Reading> into) {
        Snapshot snapshot = sampling.getSnapshot();
        into.add(new Reading.Distribution(
                name,
                source,
                kind,
                count,
                snapshot.getMean(),
                snapshot.getMedian(),
                snapshot.getValue(0.90),
                snapshot.get95thPercentile(),
                snapshot.get99thPercentile(),
                snapshot.get999thPercentile()));
        into.add(new Reading.Scalar(name + ".count", source, MetricKind.EVENT_COUNT, count));
    }

    private static final class EntityBuilder {
        private final String type;
        private final String id;
        private final SortedMap<String, String> attributes = new TreeMap<>();
        private final List<Reading> readings = new ArrayList<>();

        EntityBuilder(String type, String id) {
            this.type = type;
            this.id = id;
        }
    }
}
