package io.strata.introspection.internal;

/**
 * Units and one-line descriptions of metrics. Dropwizard metrics carry neither, so they come from
 * the naming rules ({@code strata.<area>.<name>} with the unit as the last segment) and from what
 * the kernel is known to register.
 */
final class MetricDescriptions {
    private MetricDescriptions() {}

    /** The reference's unit name ({@code NanoSeconds}, {@code Bytes}, ...), or empty when unknown. */
    static String unit(Reading reading) {
        if (reading.kind() == MetricKind.TIMER) {
            return "NanoSeconds";
        }
        String name = reading.name();
        if (reading.kind() == MetricKind.EVENT_COUNT) {
            return name.startsWith("strata.http.request.") ? "Requests" : "";
        }
        if (name.startsWith("strata.jvm.memory.")
                && endsWithAny(name, ".init", ".used", ".max", ".committed", ".used.after.gc")) {
            return "Bytes";
        }
        if (name.startsWith("strata.jvm.gc.") && name.endsWith(".time")) {
            return "MilliSeconds";
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        return switch (last) {
            case "bytes" -> "Bytes";
            case "ns" -> "NanoSeconds";
            case "us" -> "MicroSeconds";
            case "ms" -> "MilliSeconds";
            case "s", "seconds" -> "Seconds";
            case "percent" -> "Percent";
            default -> "";
        };
    }

    /** What the metric measures, or empty when nothing is known about it. */
    static String description(Reading reading) {
        String name = reading.name();
        if (name.equals("strata.http.request")) {
            return "Time to answer a request of the route.";
        }
        if (name.equals("strata.http.request.count")) {
            return "Requests of the route answered since the route appeared.";
        }
        if (reading.kind() == MetricKind.EVENT_COUNT) {
            return "Events recorded by " + name.substring(0, name.length() - ".count".length()) + ".";
        }
        if (name.startsWith("strata.jvm.memory.")) {
            return "JVM memory: " + words(name, "strata.jvm.memory.") + ".";
        }
        if (name.startsWith("strata.jvm.gc.")) {
            return "JVM garbage collection: " + words(name, "strata.jvm.gc.") + ".";
        }
        if (name.startsWith("strata.jvm.threads.")) {
            return "JVM threads: " + words(name, "strata.jvm.threads.") + ".";
        }
        return "";
    }

    private static String words(String name, String prefix) {
        return name.substring(prefix.length()).replace('.', ' ');
    }

    private static boolean endsWithAny(String name, String... suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
