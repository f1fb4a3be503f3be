package io.strata.meta.service.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Protobuf's text format of a {@link Proto} record: {@code DebugString} (one field a line, two
 * spaces a level) and {@code ShortDebugString} (one line). Set fields only, in field order;
 * strings quoted and C-escaped, enums by name.
 */
final class TextFormat {
    private TextFormat() {}

    static String debugString(Record message) {
        StringBuilder out = new StringBuilder();
        write(message, out, 0, false);
        return out.toString();
    }

    static String shortDebugString(Record message) {
        StringBuilder out = new StringBuilder();
        write(message, out, 0, true);
        return out.toString().stripTrailing();
    }

    private static void write(Record message, StringBuilder out, int depth, boolean single) {
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            Object value = value(message, component);
            String name = name(component);
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    field(name, element, out, depth, single);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    open(name, out, depth, single);
                    scalar("key", entry.getKey(), out, depth + 1, single);
                    scalar("value", entry.getValue(), out, depth + 1, single);
                    close(out, depth, single);
                }
            } else if (value != null) {
                field(name, value, out, depth, single);
            }
        }
    }

    private static void field(String name, Object value, StringBuilder out, int depth, boolean single) {
        if (value instanceof Record nested) {
            open(name, out, depth, single);
            write(nested, out, depth + 1, single);
            close(out, depth, single);
        } else {
            scalar(name, value, out, depth, single);
        }
    }

    private static void open(String name, StringBuilder out, int depth, boolean single) {
        out.append(single ? "" : "  ".repeat(depth)).append(name).append(single ? " { " : " {\n");
    }

    private static void close(StringBuilder out, int depth, boolean single) {
        out.append(single ? "} " : "  ".repeat(depth) + "}\n");
    }

    private static void scalar(String name, Object value, StringBuilder out, int depth, boolean single) {
        out.append(single ? "" : "  ".repeat(depth)).append(name).append(": ");
        if (value instanceof String text) {
            out.append('"').append(escape(text)).append('"');
        } else if (value instanceof Enum<?> constant) {
            out.append(constant.name());
        } else {
            out.append(value);
        }
        out.append(single ? " " : "\n");
    }

    /** Protobuf's CEscape for text: quotes, backslash and control characters. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append('\\').append(String.format("%03o", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        // re-read as UTF-8 so multi-byte characters survive unescaped
        return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static Object value(Record message, RecordComponent component) {
        try {
            return component.getAccessor().invoke(message);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + component.getName() + " of "
                            + message.getClass().getSimpleName(),
                    e);
        }
    }

    private static String name(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null ? property.value() : component.getName();
    }

    static List<String> names(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(name(component));
        }
        return names;
    }
}
