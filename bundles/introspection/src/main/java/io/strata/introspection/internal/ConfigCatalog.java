package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.introspection.ConfigInfo;
import io.strata.api.v1.introspection.UpdateConfigResponse;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.config.ConfigEntry;
import io.strata.spi.config.ConfigKey;
import io.strata.spi.config.ConfigService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code /config}, {@code /configs} and {@code /updateConfig} over the kernel's configuration
 * catalogue, with the reference's parameters and answers (proper status codes instead of its
 * HTTP 200 errors).
 */
final class ConfigCatalog {
    private final ConfigService config;

    ConfigCatalog(ConfigService config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** An answer of {@code /updateConfig}: the HTTP status and the body. */
    record Update(int status, UpdateConfigResponse body) {
        Update {
            requireNonNull(body, "body is null");
        }
    }

    /**
     * {@code GET /config?name=}: only {@code name} is accepted, exactly once and not empty.
     *
     * @throws StrataException {@code INVALID_ARGUMENT} for bad parameters, {@code NOT_FOUND} for an unknown key
     */
    ConfigInfo one(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!parameter.getKey().equals("name")) {
                throw StrataException.invalidArgument(
                        "unknown parameter " + parameter.getKey() + "; /config takes only name=<config_name>");
            }
            if (parameter.getValue().size() > 1) {
                throw StrataException.invalidArgument("duplicate parameter: name");
            }
        }
        List<String> names = parameters.getOrDefault("name", List.of());
        String name = names.isEmpty() ? "" : names.get(0).strip();
        if (name.isEmpty()) {
            throw StrataException.invalidArgument("name shouldn't be empty");
        }
        return config.entry(name)
                .map(ConfigCatalog::info)
                .orElseThrow(() -> StrataException.notFound("'" + name + "' is not found"));
    }

    /** {@code GET /configs}: every key by name; takes no parameters. */
    SortedMap<String, ConfigInfo> all(Map<String, List<String>> parameters) {
        if (!parameters.isEmpty()) {
            throw StrataException.invalidArgument(
                    "/configs takes no parameters, got " + String.join(", ", new TreeMap<>(parameters).keySet()));
        }
        SortedMap<String, ConfigInfo> all = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            all.put(entry.key().name(), info(entry));
        }
        return all;
    }

    /** {@code /updateConfig?<key>=<value>}: exactly one key, known, mutable, and a value its type accepts. */
    Update update(Map<String, List<String>> parameters) {
        int count = parameters.values().stream().mapToInt(List::size).sum();
        if (count != 1) {
            return invalid("there should be exactly one config to be updated once");
        }
        Map.Entry<String, List<String>> parameter =
                parameters.entrySet().iterator().next();
        String name = parameter.getKey();
        String value = parameter.getValue().get(0);
        Optional<ConfigEntry> entry = config.entry(name);
        if (entry.isEmpty()) {
            return notFound(name);
        }
        if (!entry.get().key().mutable()) {
            return invalid(name + " is not mutable");
        }
        try {
            config.update(name, value);
        } catch (StrataException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                // its bundle went away in the meantime
                return notFound(name);
            }
            if (e.kind() == ErrorKind.INVALID_ARGUMENT) {
                return invalid(e.getMessage());
            }
            throw e;
        }
        return new Update(200, new UpdateConfigResponse(UpdateConfigResponse.OK));
    }

    private static Update invalid(String reason) {
        return new Update(
                ErrorKind.INVALID_ARGUMENT.httpStatus(),
                UpdateConfigResponse.error(UpdateConfigResponse.INVALID_PARAMETERS, reason));
    }

    private static Update notFound(String name) {
        return new Update(
                ErrorKind.NOT_FOUND.httpStatus(),
                UpdateConfigResponse.error(UpdateConfigResponse.OBJECT_NOT_FOUND, name + " is not found"));
    }

    static ConfigInfo info(ConfigEntry entry) {
        ConfigKey key = entry.key();
        return new ConfigInfo(
                key.name(),
                key.section(),
                referenceType(key.type()),
                key.mutable() ? ConfigInfo.MUTABLE : "",
                key.description(),
                entry.value());
    }

    /** The kernel's type names in the reference's vocabulary; a password is a string whose value is masked. */
    static String referenceType(String type) {
        return switch (type) {
            case "boolean" -> "FV_BOOL";
            case "int" -> "FV_INT32";
            case "long" -> "FV_INT64";
            case "double" -> "FV_DOUBLE";
            default -> "FV_STRING";
        };
    }
}
