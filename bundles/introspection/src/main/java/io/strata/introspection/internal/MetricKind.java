package io.strata.introspection.internal;

/** The Dropwizard kind of a metric, and what the reference calls it in {@code /metrics}. */
enum MetricKind {
    GAUGE("Gauge"),
    COUNTER("Counter"),
    METER("Counter"),
    TIMER("Percentile"),
    HISTOGRAM("Percentile"),
    /** The number of events of a timer or histogram, shown next to its percentiles. */
    EVENT_COUNT("Counter");

    private final String referenceType;

    MetricKind(String referenceType) {
        this.referenceType = referenceType;
    }

    /** {@code Gauge}, {@code Counter} or {@code Percentile}. */
    String referenceType() {
        return referenceType;
    }
}
