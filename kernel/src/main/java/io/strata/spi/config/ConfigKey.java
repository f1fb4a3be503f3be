package io.strata.spi.config;

import static java.util.Objects.requireNonNull;

/**
 * One declared configuration key. {@code section} is the key's area ({@code http} for
 * {@code strata.http.port}); {@code type} is one of {@code string, int, long, double, boolean,
 * password}; {@code owner} is {@code kernel} or the symbolic name of the declaring bundle.
 */
public record ConfigKey(
        String name,
        String section,
        String type,
        String defaultValue,
        String description,
        boolean mutable,
        boolean secret,
        String owner) {
    public ConfigKey {
        requireNonNull(name, "name is null");
        requireNonNull(section, "section is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
        requireNonNull(owner, "owner is null");
    }
}
