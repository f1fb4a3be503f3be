package io.strata.introspection.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An independent reader of gzipped pprof {@code profile.proto}, written from the .proto file, so
 * tests can check what {@link PprofBuilder} wrote field by field. Accepts packed and unpacked
 * repeated integers.
 */
final class TestingPprof {
    record ValueType(String type, String unit) {}

    record Sample(List<Long> locationIds, List<Long> values, Map<String, String> labels) {}

    record Line(long functionId, long line) {}

    record Location(long id, long mappingId, long address, List<Line> lines) {}

    record Function(long id, String name, String systemName, String filename) {}

    record Mapping(
            long id,
            long memoryStart,
            long memoryLimit,
            String filename,
            boolean hasFunctions,
            boolean hasFilenames,
            boolean hasLineNumbers) {}

    final List<String> strings = new ArrayList<>();
    final List<ValueType> sampleTypes = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();
    final List<Mapping> mappings = new ArrayList<>();
    final Map<Long, Location> locations = new LinkedHashMap<>();
    final Map<Long, Function> functions = new LinkedHashMap<>();
    final List<String> comments = new ArrayList<>();
    ValueType periodType;
    long period;
    long timeNanos;
    long durationNanos;
    String defaultSampleType;

    private TestingPprof() {}

    static TestingPprof decode(byte[] gzipped) {
        byte[] bytes;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestingPprof profile = new TestingPprof();
        // strings first: every other field refers to them
        List<Field> fields = fields(bytes);
        fields.stream()
                .filter(field -> field.number == 6)
                .forEach(field -> profile.strings.add(new String(field.bytes, StandardCharsets.UTF_8)));
        List<Field> rawSamples = new ArrayList<>();
        List<Long> rawComments = new ArrayList<>();
        long rawDefault = 0;
        for (Field field : fields) {
            switch (field.number) {
                case 1 -> profile.sampleTypes.add(profile.valueType(field.bytes));
                case 2 -> rawSamples.add(field);
                case 3 -> profile.mappings.add(profile.mapping(field.bytes));
                case 4 -> {
                    Location location = location(field.bytes);
                    profile.locations.put(location.id(), location);
                }
                case 5 -> {
                    Function function = profile.function(field.bytes);
                    profile.functions.put(function.id(), function);
                }
                case 9 -> profile.timeNanos = field.value;
                case 10 -> profile.durationNanos = field.value;
                case 11 -> profile.periodType = profile.valueType(field.bytes);
                case 12 -> profile.period = field.value;
                case 13 -> rawComments.add(field.value);
                case 14 -> rawDefault = field.value;
                default -> {
                    // string table (6) read above; others unused
                }
            }
        }
        rawSamples.forEach(field -> profile.samples.add(profile.sample(field.bytes)));
        rawComments.forEach(index -> profile.comments.add(profile.strings.get(index.intValue())));
        profile.defaultSampleType = profile.strings.get((int) rawDefault);
        return profile;
    }

    /** The function names of each sample's stack, leaf first. */
    List<List<String>> stacks() {
        List<List<String>> stacks = new ArrayList<>();
        for (Sample sample : samples) {
            List<String> stack = new ArrayList<>();
            for (long id : sample.locationIds()) {
                Location location = locations.get(id);
                stack.add(functions.get(location.lines().get(0).functionId()).name());
            }
            stacks.add(stack);
        }
        return stacks;
    }

    /** The sum of one sample type's values over the samples whose leaf frame is {@code leaf}. */
    long total(String sampleType, String leaf) {
        int index = sampleTypeIndex(sampleType);
        long total = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (stacks().get(i).get(0).equals(leaf)) {
                total += samples.get(i).values().get(index);
            }
        }
        return total;
    }

    private int sampleTypeIndex(String sampleType) {
        for (int i = 0; i < sampleTypes.size(); i++) {
            if (sampleTypes.get(i).type().equals(sampleType)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no sample type " + sampleType);
    }

    /** The sum of one sample type's values over all samples. */
    long total(String sampleType) {
        int index = sampleTypeIndex(sampleType);
        long total = 0;
        for (Sample sample : samples) {
            total += sample.values().get(index);
        }
        return total;
    }

    private ValueType valueType(byte[] bytes) {
        long type = 0;
        long unit = 0;
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                type = field.value;
            } else if (field.number == 2) {
                unit = field.value;
            }
        }
        return new ValueType(strings.get((int) type), strings.get((int) unit));
    }

    private Sample sample(byte[] bytes) {
        List<Long> locationIds = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (Field field : fields(bytes)) {
            switch (field.number) {
                case 1 -> field.integers(locationIds);
                case 2 -> field.integers(values);
                case 3 -> {
                    long key = 0;
                    long value = 0;
                    for (Field label : fields(field.bytes)) {
                        if (label.number == 1) {
                            key = label.value;
                        } else if (label.number == 2) {
                            value = label.value;
                        }
                    }
                    labels.put(strings.get((int) key), strings.get((int) value));
                }
                default -> {}
            }
        }
        return new Sample(locationIds, values, labels);
    }

    private Mapping mapping(byte[] bytes) {
        long[] values = new long[11];
        for (Field field : fields(bytes)) {
            if (field.number < values.length) {
                values[field.number] = field.value;
            }
        }
        return new Mapping(
                values[1],
                values[2],
                values[3],
                strings.get((int) values[5]),
                values[7] != 0,
                values[8] != 0,
                values[9] != 0);
    }

    private static Location location(byte[] bytes) {
        long id = 0;
        long mappingId = 0;
        long address = 0;
        List<Line> lines = new ArrayList<>();
        for (Field field : fields(bytes)) {
            switch (field.number) {
                case 1 -> id = field.value;
                case 2 -> mappingId = field.value;
                case 3 -> address = field.value;
                case 4 -> {
                    long functionId = 0;
                    long line = 0;
                    for (Field part : fields(field.bytes)) {
                        if (part.number == 1) {
                            functionId = part.value;
                        } else if (part.number == 2) {
                            line = part.value;
                        }
                    }
                    lines.add(new Line(functionId, line));
                }
                default -> {}
            }
        }
        return new Location(id, mappingId, address, lines);
    }

    private Function function(byte[] bytes) {
        long[] values = new long[6];
        for (Field field : fields(bytes)) {
            if (field.number < values.length) {
                values[field.number] = field.value;
            }
        }
        return new Function(
                values[1], strings.get((int) values[2]), strings.get((int) values[3]), strings.get((int) values[4]));
    }

    private static final class Field {
        private final int number;
        private final int wireType;
        private final long value;
        private final byte[] bytes;

        Field(int number, int wireType, long value, byte[] bytes) {
            this.number = number;
            this.wireType = wireType;
            this.value = value;
            this.bytes = bytes;
        }

        /** A repeated integer field: packed (one length-delimited run) or one value. */
        void integers(List<Long> into) {
            if (wireType == 0) {
                into.add(value);
                return;
            }
            int[] position = {0};
            while (position[0] < bytes.length) {
                into.add(varint(bytes, position));
            }
        }
    }

    private static List<Field> fields(byte[] bytes) {
        List<Field> fields = new ArrayList<>();
        int[] position = {0};
        while (position[0] < bytes.length) {
            long tag = varint(bytes, position);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> fields.add(new Field(number, wireType, varint(bytes, position), new byte[0]));
                case 2 -> {
                    int length = (int) varint(bytes, position);
                    byte[] payload = new byte[length];
                    System.arraycopy(bytes, position[0], payload, 0, length);
                    position[0] += length;
                    fields.add(new Field(number, wireType, 0, payload));
                }
                default -> throw new IllegalStateException("unexpected wire type " + wireType + " for field " + number);
            }
        }
        return fields;
    }

    private static long varint(byte[] bytes, int[] position) {
        long result = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[position[0]++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }
}
