package io.strata.bench;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Durations of repeated runs, in milliseconds (or, with {@link #add}, other figures of repeated runs). */
final class Samples {
    private final String name;
    private final int decimals;
    private final List<Double> millis = new ArrayList<>();

    Samples(String name) {
        this(name, 1);
    }

    /** A series printed with {@code decimals} digits after the point (ratios need more than durations). */
    Samples(String name, int decimals) {
        this.name = requireNonNull(name, "name is null");
        this.decimals = decimals;
    }

    String name() {
        return name;
    }

    /** A sample in this series' own unit (for series that are not durations, such as ops/s). */
    void add(double value) {
        millis.add(value);
    }

    void addNanos(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    void addMillis(long value) {
        millis.add((double) value);
    }

    double median() {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** {@code RESULT <name> <median> <sample>...}: the line {@code bench/run} reads. */
    String resultLine() {
        String number = "%." + decimals + "f";
        return format(
                Locale.ROOT,
                "RESULT %s " + number + " %s",
                name,
                median(),
                millis.stream().map(value -> format(Locale.ROOT, number, value)).collect(Collectors.joining(" ")));
    }
}
