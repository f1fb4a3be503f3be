package io.strata.introspection.internal;

import io.strata.introspection.internal.PprofBuilder.Frame;
import io.strata.introspection.internal.PprofBuilder.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/** Turns JFR events into pprof profiles. */
final class JfrProfiles {
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";

    private JfrProfiles() {}

    /**
     * CPU profile: each {@code jdk.ExecutionSample} (a thread caught running Java code) counts once
     * and for one sampling period of CPU time, labelled with its thread.
     */
    static PprofBuilder cpu(SymbolTable symbols, Iterable<RecordedEvent> events, long periodNanos) {
        PprofBuilder profile = new PprofBuilder(
                symbols,
                List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
                new ValueType("cpu", "nanoseconds"),
                periodNanos,
                "cpu");
        profile.comment("JFR jdk.ExecutionSample every " + TimeUnit.NANOSECONDS.toMillis(periodNanos) + " ms");
        for (RecordedEvent event : events) {
            if (event.getEventType().getName().equals(EXECUTION_SAMPLE)) {
                profile.add(
                        frames(event.getStackTrace()),
                        new long[] {1, periodNanos},
                        threadLabel(event, "sampledThread"));
            }
        }
        return profile;
    }

    /**
     * Allocation profile: each {@code jdk.ObjectAllocationSample} stands for {@code weight} bytes
     * allocated by its thread since the previous sample. The allocated class is the leaf frame.
     * Only samples taken from {@code since} (inclusive) to {@code until} (exclusive) count.
     */
    static PprofBuilder allocations(SymbolTable symbols, Iterable<RecordedEvent> events, Instant since, Instant until) {
        PprofBuilder profile = new PprofBuilder(
                symbols,
                List.of(new ValueType("alloc_samples", "count"), new ValueType("alloc_space", "bytes")),
                new ValueType("space", "bytes"),
                0,
                "alloc_space");
        profile.comment("JFR jdk.ObjectAllocationSample; the leaf frame is the allocated class");
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(ALLOCATION_SAMPLE)
                    || event.getStartTime().isBefore(since)
                    || !event.getStartTime().isBefore(until)) {
                continue;
            }
            RecordedClass type = event.getClass("objectClass");
            List<Frame> stack = new ArrayList<>();
            stack.add(Frame.named(type == null ? "unknown" : javaName(type.getName())));
            stack.addAll(frames(event.getStackTrace()));
            profile.add(stack, new long[] {1, event.getLong("weight")}, threadLabel(event, "eventThread"));
        }
        return profile;
    }

    /**
     * Live heap: the class histogram gives every live class's instances and bytes; the old-object
     * samples still alive give allocation stacks for some of them. A class's totals are spread
     * evenly over its sampled stacks; a class without samples is one stack of just its name. The
     * allocated class is always the leaf frame, so {@code -top} lists classes and {@code -cum}
     * the code that allocated them.
     */
    static PprofBuilder liveHeap(
            SymbolTable symbols, Map<String, ClassHistogram.Entry> histogram, Iterable<RecordedEvent> oldObjects) {
        PprofBuilder profile = new PprofBuilder(
                symbols,
                List.of(new ValueType("inuse_objects", "count"), new ValueType("inuse_space", "bytes")),
                new ValueType("space", "bytes"),
                0,
                "inuse_space");
        profile.comment(
                "JVM class histogram (after a full GC), with allocation stacks of the live JFR jdk.OldObjectSample samples");
        Map<String, List<List<Frame>>> stacksByClass = new HashMap<>();
        for (RecordedEvent event : oldObjects) {
            if (!event.getEventType().getName().equals(OLD_OBJECT_SAMPLE)) {
                continue;
            }
            RecordedClass type = event.getValue("object.type");
            if (type != null && event.getStackTrace() != null) {
                stacksByClass
                        .computeIfAbsent(javaName(type.getName()), ignored -> new ArrayList<>())
                        .add(frames(event.getStackTrace()));
            }
        }
        for (Map.Entry<String, ClassHistogram.Entry> entry : new TreeMap<>(histogram).entrySet()) {
            Frame leaf = Frame.named(entry.getKey());
            List<List<Frame>> stacks = stacksByClass.getOrDefault(entry.getKey(), List.of(List.of()));
            long instances = entry.getValue().instances();
            long bytes = entry.getValue().bytes();
            int parts = stacks.size();
            for (int i = 0; i < parts; i++) {
                List<Frame> stack = new ArrayList<>();
                stack.add(leaf);
                stack.addAll(stacks.get(i));
                profile.add(stack, new long[] {share(instances, parts, i), share(bytes, parts, i)}, Map.of());
            }
        }
        return profile;
    }

    /** Part {@code index} of {@code total} split in {@code parts} whole pieces that add up to it. */
    static long share(long total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    static List<Frame> frames(RecordedStackTrace trace) {
        List<Frame> frames = new ArrayList<>();
        if (trace == null) {
            return frames;
        }
        for (RecordedFrame frame : trace.getFrames()) {
            RecordedMethod method = frame.getMethod();
            if (method == null) {
                continue;
            }
            String className =
                    method.getType() == null ? "unknown" : method.getType().getName();
            String function = className + "." + method.getName();
            frames.add(new Frame(
                    function,
                    function + method.getDescriptor(),
                    sourceFile(className),
                    Math.max(0, frame.getLineNumber())));
        }
        if (trace.isTruncated()) {
            frames.add(Frame.named("[truncated stack]"));
        }
        return frames;
    }

    private static Map<String, String> threadLabel(RecordedEvent event, String field) {
        if (!event.hasField(field)) {
            return Map.of();
        }
        RecordedThread thread = event.getThread(field);
        if (thread == null) {
            return Map.of();
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        return name == null ? Map.of() : Map.of("thread", name);
    }

    /** {@code io.strata.x.Foo$Bar} → {@code io/strata/x/Foo.java}: the source file by Java's convention. */
    static String sourceFile(String className) {
        String outer = className;
        int dollar = outer.indexOf('$');
        if (dollar > 0) {
            outer = outer.substring(0, dollar);
        }
        int slash = outer.indexOf('/');
        if (slash > 0) {
            // hidden classes: io.strata.Foo/0x0000000800c0b000
            outer = outer.substring(0, slash);
        }
        return outer.replace('.', '/') + ".java";
    }

    /** A JVM class name as Java writes it: {@code [B} → {@code byte[]}, {@code [Ljava.lang.String;} → {@code java.lang.String[]}. */
    static String javaName(String name) {
        if (!name.startsWith("[")) {
            return name;
        }
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = name.substring(dimensions);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default ->
                element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
        };
        return base + "[]".repeat(dimensions);
    }
}
