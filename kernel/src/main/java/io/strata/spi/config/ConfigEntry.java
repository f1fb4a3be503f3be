package io.strata.spi.config;

import static java.util.Objects.requireNonNull;

/** A key with the value in force; a secret key's value reads {@value #MASK} when it is set. */
public record ConfigEntry(ConfigKey key, String value) {
    public static final String MASK = "******";

    public ConfigEntry {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }
}
