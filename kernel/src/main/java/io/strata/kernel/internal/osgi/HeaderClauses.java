package io.strata.kernel.internal.osgi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an OSGi manifest header such as {@code Export-Package} into its clauses, respecting quoted
 * strings ({@code uses:="a,b"}). Only what the kernel needs: package names and attributes.
 */
final class HeaderClauses {
    record Clause(List<String> paths, Map<String, String> attributes) {
        Clause {
            paths = List.copyOf(paths);
            attributes = Map.copyOf(attributes);
        }
    }

    private HeaderClauses() {}

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        for (String clause : split(header, ',')) {
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                String text = part.strip();
                int equals = text.indexOf('=');
                if (equals < 0) {
                    if (!text.isEmpty()) {
                        paths.add(text);
                    }
                } else if (equals > 0 && text.charAt(equals - 1) != ':') {
                    attributes.put(
                            text.substring(0, equals).strip(),
                            unquote(text.substring(equals + 1).strip()));
                }
            }
            if (!paths.isEmpty()) {
                clauses.add(new Clause(paths, attributes));
            }
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
