package io.strata.introspection.internal;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's class histogram ({@code jcmd <pid> GC.class_histogram}): live instances and bytes per
 * class. Taking it runs a full garbage collection first, so only live objects are counted.
 */
final class ClassHistogram {
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    record Entry(long instances, long bytes) {}

    private ClassHistogram() {}

    static Map<String, Entry> take() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            return parse(String.valueOf(text));
        } catch (JMException e) {
            throw new IllegalStateException("cannot take the class histogram: " + e.getMessage(), e);
        }
    }

    /** Class (Java name) → instances and bytes, from the histogram's text; classes seen twice (two loaders) add up. */
    static Map<String, Entry> parse(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                Entry entry = new Entry(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
                entries.merge(
                        JfrProfiles.javaName(matcher.group(3)),
                        entry,
                        (left, right) -> new Entry(left.instances() + right.instances(), left.bytes() + right.bytes()));
            }
        }
        return entries;
    }
}
