package io.strata.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} command-line options of the benchmark programs. */
final class Arguments {
    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = requireNonNull(values, "values is null");
    }

    static Arguments parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Arguments(values);
    }

    String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }

    String getOrDefault(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    int integer(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    Path path(String name) {
        return Path.of(string(name)).toAbsolutePath().normalize();
    }
}
