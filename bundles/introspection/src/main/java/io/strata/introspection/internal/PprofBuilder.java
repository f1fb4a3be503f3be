package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a pprof profile ({@code profile.proto} of github.com/google/pprof, gzipped) from stacks.
 * Functions carry name, system name (with the JVM descriptor) and file; each distinct
 * (function, line) is a location with an address from the {@link SymbolTable}, inside one mapping
 * marked as fully symbolized, so pprof needs no binary. Equal stacks with equal labels are merged.
 */
final class PprofBuilder {
    /** A frame of a stack: {@code io.strata.x.Foo.bar}, with descriptor, source file and line (0 when unknown). */
    record Frame(String function, String systemName, String file, long line) {
        Frame {
            requireNonNull(function, "function is null");
            requireNonNull(systemName, "systemName is null");
            requireNonNull(file, "file is null");
        }

        /** A frame that only names something, like the class of an allocated object. */
        static Frame named(String name) {
            return new Frame(name, name, "", 0);
        }
    }

    record ValueType(String type, String unit) {
        ValueType {
            requireNonNull(type, "type is null");
            requireNonNull(unit, "unit is null");
        }
    }

    private record SampleKey(List<Long> locations, SortedMap<String, String> labels) {}

    private record FunctionKey(String name, String systemName, String file) {}

    private record Location(long id, long address, long functionId, long line) {}

    private final SymbolTable symbols;
    private final List<ValueType> sampleTypes;
    private final ValueType periodType;
    private final long period;
    private final String defaultSampleType;
    private final Map<String, Long> strings = new LinkedHashMap<>();
    private final Map<FunctionKey, Long> functions = new LinkedHashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final Map<SampleKey, long[]> samples = new LinkedHashMap<>();
    private final List<String> comments = new ArrayList<>();
    private long timeNanos;
    private long durationNanos;

    PprofBuilder(
            SymbolTable symbols,
            List<ValueType> sampleTypes,
            ValueType periodType,
            long period,
            String defaultSampleType) {
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.sampleTypes = List.copyOf(requireNonNull(sampleTypes, "sampleTypes is null"));
        this.periodType = requireNonNull(periodType, "periodType is null");
        this.period = period;
        this.defaultSampleType = requireNonNull(defaultSampleType, "defaultSampleType is null");
        if (sampleTypes.stream().noneMatch(type -> type.type().equals(defaultSampleType))) {
            throw new IllegalArgumentException("default sample type " + defaultSampleType + " is not a sample type");
        }
        string("");
    }

    PprofBuilder window(long startEpochNanos, long durationNanos) {
        this.timeNanos = startEpochNanos;
        this.durationNanos = durationNanos;
        return this;
    }

    PprofBuilder comment(String comment) {
        comments.add(requireNonNull(comment, "comment is null"));
        return this;
    }

    /** Adds one sample; {@code stack} is leaf first, {@code values} one per sample type. */
    void add(List<Frame> stack, long[] values, Map<String, String> labels) {
        if (values.length != sampleTypes.size()) {
            throw new IllegalArgumentException("expected " + sampleTypes.size() + " values, got " + values.length);
        }
        List<Long> ids = new ArrayList<>(stack.size());
        for (Frame frame : stack) {
            ids.add(location(frame).id());
        }
        long[] total =
                samples.computeIfAbsent(new SampleKey(ids, new TreeMap<>(labels)), ignored -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            total[i] += values[i];
        }
    }

    int sampleCount() {
        return samples.size();
    }

    private Location location(Frame frame) {
        String key = frame.systemName() + '\u0000' + frame.file() + '\u0000' + frame.line();
        Location known = locations.get(key);
        if (known != null) {
            return known;
        }
        long functionId = functions.computeIfAbsent(
                new FunctionKey(frame.function(), frame.systemName(), frame.file()),
                ignored -> (long) functions.size() + 1);
        Location location = new Location(
                locations.size() + 1, symbols.address(frame.function(), frame.line()), functionId, frame.line());
        locations.put(key, location);
        return location;
    }

    private long string(String value) {
        return strings.computeIfAbsent(value, ignored -> (long) strings.size());
    }

    /** The profile, serialized and gzipped. */
    byte[] encode() {
        ProtobufWriter profile = new ProtobufWriter();
        for (ValueType type : sampleTypes) {
            profile.message(1, valueType(type));
        }
        for (Map.Entry<SampleKey, long[]> sample : samples.entrySet()) {
            ProtobufWriter message = new ProtobufWriter()
                    .packed(
                            1,
                            sample.getKey().locations().stream()
                                    .mapToLong(Long::longValue)
                                    .toArray())
                    .packed(2, sample.getValue());
            for (Map.Entry<String, String> label : sample.getKey().labels().entrySet()) {
                message.message(
                        3,
                        new ProtobufWriter().varint(1, string(label.getKey())).varint(2, string(label.getValue())));
            }
            profile.message(2, message);
        }
        long limit = Math.max(
                symbols.limit(),
                locations.values().stream().mapToLong(Location::address).max().orElse(SymbolTable.BASE) + 1);
        profile.message(
                3,
                new ProtobufWriter()
                        .varint(1, 1)
                        .varint(2, SymbolTable.BASE)
                        .varint(3, limit)
                        .varint(5, string("[jvm]"))
                        .bool(7, true)
                        .bool(8, true)
                        .bool(9, true));
        for (Location location : locations.values()) {
            profile.message(
                    4,
                    new ProtobufWriter()
                            .varint(1, location.id())
                            .varint(2, 1)
                            .varint(3, location.address())
                            .message(
                                    4,
                                    new ProtobufWriter()
                                            .varint(1, location.functionId())
                                            .varint(2, location.line())));
        }
        Map<Long, FunctionKey> byId = new HashMap<>();
        functions.forEach((function, id) -> byId.put(id, function));
        for (long id = 1; id <= functions.size(); id++) {
            FunctionKey function = byId.get(id);
            profile.message(
                    5,
                    new ProtobufWriter()
                            .varint(1, id)
                            .varint(2, string(function.name()))
                            .varint(3, string(function.systemName()))
                            .varint(4, string(function.file())));
        }
        ProtobufWriter tail = new ProtobufWriter()
                .varint(9, timeNanos)
                .varint(10, durationNanos)
                .message(11, valueType(periodType))
                .varint(12, period);
        long[] commentIds = comments.stream().mapToLong(this::string).toArray();
        for (long commentId : commentIds) {
            tail.varint(13, commentId);
        }
        tail.varint(14, string(defaultSampleType));
        // every string is interned by now: the table goes last among the interning steps
        for (String value : strings.keySet()) {
            profile.string(6, value);
        }
        byte[] head = profile.toByteArray();
        byte[] rest = tail.toByteArray();
        byte[] whole = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, whole, head.length, rest.length);
        return gzip(whole);
    }

    private ProtobufWriter valueType(ValueType type) {
        return new ProtobufWriter().varint(1, string(type.type())).varint(2, string(type.unit()));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
