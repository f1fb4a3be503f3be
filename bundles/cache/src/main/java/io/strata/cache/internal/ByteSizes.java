package io.strata.cache.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes with units: {@code 1MiB}, {@code 10 GB}, {@code 512}, {@code 1.5GiB}; every unit is a power of 1024. */
final class ByteSizes {
    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {}

    /**
     * The number of bytes.
     *
     * @throws IllegalArgumentException when it is not a size
     */
    static long parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher matcher = SIZE.matcher(value);
        if (!matcher.matches() || (matcher.group(2).isEmpty() && "ib".equalsIgnoreCase(matcher.group(3)))) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a size; write a number with a unit, e.g. 512KiB, 1MiB, 10GiB");
        }
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        int power = unit.isEmpty() ? 0 : "kmgtp".indexOf(unit) + 1;
        BigDecimal bytes = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + value + "' is too large");
        }
        return bytes.longValue();
    }

    /** The size in the largest binary unit that divides it, e.g. {@code 1MiB}, {@code 1536KiB}. */
    static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}
