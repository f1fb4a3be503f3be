package io.strata.spi.config;

import io.strata.spi.StrataException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The node's configuration catalogue, provided by the kernel as a service. */
@ProviderType
public interface ConfigService {
    /** Every declared key, sorted by name: the kernel's and those of the installed bundles. */
    List<ConfigEntry> entries();

    Optional<ConfigEntry> entry(String name);

    /**
     * Changes a mutable key for the life of this process (a restart returns to the configured
     * value). The value is parsed with the key's type and validated; nothing changes on failure.
     *
     * @throws StrataException {@code NOT_FOUND} for an unknown key, {@code INVALID_ARGUMENT} for
     *     an immutable key or a value that does not parse or validate
     */
    ConfigEntry update(String name, String value);
}
