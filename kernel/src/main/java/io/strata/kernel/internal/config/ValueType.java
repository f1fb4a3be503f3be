package io.strata.kernel.internal.config;

import java.util.List;
import java.util.Locale;

/** The value types a configuration key can have, each with its parser and the form it expects. */
public enum ValueType {
    STRING("string", "any text"),
    PASSWORD("password", "any text"),
    INT("int", "an integer"),
    LONG("long", "an integer"),
    DOUBLE("double", "a number"),
    BOOLEAN("boolean", "true or false");

    private final String typeName;
    private final String expected;

    ValueType(String typeName, String expected) {
        this.typeName = typeName;
        this.expected = expected;
    }

    public String typeName() {
        return typeName;
    }

    /** The value converted to its Java type, or {@link IllegalArgumentException} saying what was expected. */
    public Object parse(String value) {
        String text = value.strip();
        try {
            return switch (this) {
                case STRING, PASSWORD -> value;
                case INT -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case DOUBLE -> Double.parseDouble(text);
                case BOOLEAN -> parseBoolean(text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }

    private static Boolean parseBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (List.of("true", "false").contains(lower)) {
            return Boolean.valueOf(lower);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    public String expected() {
        return expected;
    }
}
