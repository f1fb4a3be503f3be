package io.strata.kernel.internal.config;

import static java.util.Objects.requireNonNull;

import io.strata.spi.config.ConfigKey;
import java.util.List;

/**
 * A kernel key: its type, default, description, whether {@code /updateConfig} may change it, and
 * its allowed values (for enumerations) or range (for numbers).
 */
public record KeyDefinition(
        String name,
        ValueType type,
        String defaultValue,
        String description,
        boolean mutable,
        List<String> allowedValues,
        long min,
        long max) {
    public KeyDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
        allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
    }

    static KeyDefinition of(String name, ValueType type, String defaultValue, String description) {
        return new KeyDefinition(
                name, type, defaultValue, description, false, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    KeyDefinition asMutable() {
        return new KeyDefinition(name, type, defaultValue, description, true, allowedValues, min, max);
    }

    KeyDefinition oneOf(String... values) {
        return new KeyDefinition(name, type, defaultValue, description, mutable, List.of(values), min, max);
    }

    KeyDefinition range(long minimum, long maximum) {
        return new KeyDefinition(name, type, defaultValue, description, mutable, allowedValues, minimum, maximum);
    }

    /** The area: {@code http} for {@code strata.http.port}, {@code role} for {@code strata.role}. */
    public String section() {
        return sectionOf(name);
    }

    public static String sectionOf(String key) {
        String rest = key.startsWith("strata.") ? key.substring("strata.".length()) : key;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Parses and checks a value; the message of the exception names the key and the expected form. */
    public Object parse(String value) {
        Object parsed;
        try {
            parsed = type.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(invalid(value, e.getMessage()));
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(value.strip())) {
            throw new IllegalArgumentException(invalid(value, "expected one of " + allowedValues));
        }
        if (parsed instanceof Number number && (number.longValue() < min || number.longValue() > max)) {
            throw new IllegalArgumentException(
                    invalid(value, "expected " + type.expected() + " from " + min + " to " + max));
        }
        return parsed;
    }

    private String invalid(String value, String expected) {
        String shown = type == ValueType.PASSWORD ? "******" : value;
        return "Invalid value '" + shown + "' for " + name + ": " + expected;
    }

    public ConfigKey toConfigKey() {
        String description =
                allowedValues.isEmpty() ? this.description : this.description + " One of " + allowedValues + ".";
        return new ConfigKey(
                name,
                section(),
                type.typeName(),
                defaultValue,
                description,
                mutable,
                type == ValueType.PASSWORD,
                "kernel");
    }
}
