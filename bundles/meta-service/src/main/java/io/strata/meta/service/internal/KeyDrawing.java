package io.strata.meta.service.internal;

import io.strata.meta.service.internal.KeyCodec.Field;
import java.util.List;
import java.util.Optional;

/**
 * The text decode_key and encode_key answer: one line per field with a corner above the field's
 * first hex digit and a rule to the right edge, then a line of bars, a line of arrows and the hex
 * key itself, e.g.
 * <pre>
 * ┌───────────────────────── 0. key space: 1
 * │ ┌─────────────────────── 1. instance
 * │ │                     ┌─ 2. regression_instance0
 * │ │                     │
 * ▼ ▼                     ▼
 * 0110696e7374616e636500011072656772657373696f6e5f696e7374616e6365300001
 * </pre>
 * {@code unicode=false} draws with {@code / | - v} instead.
 */
final class KeyDrawing {
    private KeyDrawing() {}

    /** The drawing of a hex key, or empty when the key does not decode. */
    static Optional<String> draw(String hexKey, boolean unicode) {
        return KeyCodec.decode(KeyCodec.unhex(hexKey)).map(fields -> draw(hexKey, fields, unicode));
    }

    static String draw(String hexKey, List<Field> fields, boolean unicode) {
        char corner = unicode ? '┌' : '/';
        char bar = unicode ? '│' : '|';
        char rule = unicode ? '─' : '-';
        char arrow = unicode ? '▼' : 'v';
        int[] columns = fields.stream().mapToInt(field -> 2 * field.offset()).toArray();
        int width = columns[columns.length - 1] + 2;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            char[] line = blank(width);
            for (int j = 0; j < i; j++) {
                line[columns[j]] = bar;
            }
            line[columns[i]] = corner;
            for (int k = columns[i] + 1; k < width; k++) {
                line[k] = rule;
            }
            out.append(line)
                    .append(' ')
                    .append(i)
                    .append(". ")
                    .append(fields.get(i).text())
                    .append('\n');
        }
        char[] bars = blank(width);
        char[] arrows = blank(width);
        for (int column : columns) {
            bars[column] = bar;
            arrows[column] = arrow;
        }
        out.append(bars).append('\n');
        out.append(arrows).append('\n');
        out.append(hexKey).append('\n');
        return out.toString();
    }

    private static char[] blank(int width) {
        char[] line = new char[width];
        java.util.Arrays.fill(line, ' ');
        return line;
    }
}
