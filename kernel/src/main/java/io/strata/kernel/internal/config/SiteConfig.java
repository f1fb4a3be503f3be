package io.strata.kernel.internal.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every {@code strata.*} setting of this process, from the site file, then {@code STRATA_*}
 * environment variables, then {@code -D} system properties (each overriding the one before), with
 * where each value came from.
 */
public final class SiteConfig {
    public static final String FILE_NAME = "strata-site.properties";

    /** Variables of {@code bin/strata} itself, which are not configuration keys. */
    private static final Set<String> SCRIPT_VARIABLES = Set.of(
            "STRATA_HOME",
            "STRATA_CONF_DIR",
            "STRATA_OPTS",
            "STRATA_JAVA_OPTS",
            "STRATA_LOG_DIR",
            "STRATA_PID_DIR",
            "STRATA_ADMIN_TOKEN",
            "STRATA_START_TIMEOUT");

    /** System properties {@code bin/strata} passes to the JVM for itself and logback; not configuration keys. */
    private static final Set<String> LAUNCHER_PROPERTIES =
            Set.of("strata.home", "strata.log.dir", "strata.log.console", "strata.startup.trace");

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private SiteConfig(Map<String, String> values, Map<String, String> sources) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    public static SiteConfig of(Map<String, String> values) {
        Map<String, String> sources = new TreeMap<>();
        values.keySet().forEach(key -> sources.put(key, "given"));
        return new SiteConfig(values, sources);
    }

    /**
     * Reads the site file (absent is fine), the environment and the system properties.
     *
     * @throws ConfigException when the site file exists but cannot be read
     */
    public static SiteConfig load(
            Optional<Path> siteFile, Map<String, String> environment, Properties systemProperties) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        if (siteFile.isPresent() && Files.exists(siteFile.get())) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(siteFile.get())) {
                file.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("Cannot read " + siteFile.get() + ": " + e.getMessage());
            }
            for (String key : file.stringPropertyNames()) {
                values.put(key, file.getProperty(key).strip());
                sources.put(key, siteFile.get().toString());
            }
        }
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name.startsWith("STRATA_") && !SCRIPT_VARIABLES.contains(name)) {
                String key = name.toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(key, value.strip());
                sources.put(key, "environment variable " + name);
            }
        });
        for (String key : new TreeMap<>(systemProperties)
                .keySet().stream().map(Object::toString).toList()) {
            if (key.startsWith("strata.") && !key.startsWith("strata.test.") && !LAUNCHER_PROPERTIES.contains(key)) {
                values.put(key, systemProperties.getProperty(key).strip());
                sources.put(key, "-D" + key);
            }
        }
        return new SiteConfig(values, sources);
    }

    /** The environment variable that sets a key: {@code strata.http.port} ↔ {@code STRATA_HTTP_PORT}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public Map<String, String> values() {
        return values;
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(requireNonNull(key, "key is null")));
    }

    public String source(String key) {
        return sources.getOrDefault(key, "default");
    }

    /** Problems with the kernel's own keys: unknown keys in kernel areas, defunct keys, bad values. */
    public List<String> kernelErrors() {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            String replacement = KernelKeys.DEFUNCT.get(key);
            if (replacement != null) {
                errors.add(key + " is no longer supported; use " + replacement + " instead (" + source(key) + ")");
                continue;
            }
            if (!key.startsWith("strata.") || !KernelKeys.isKernelSection(key)) {
                continue;
            }
            Optional<KeyDefinition> definition = KernelKeys.find(key);
            if (definition.isEmpty()) {
                errors.add("Unknown key " + key + " (" + source(key) + ")");
                continue;
            }
            try {
                definition.get().parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage() + " (" + source(key) + ")");
            }
        }
        return errors;
    }

    /** Keys that belong to bundle areas, grouped by area: {@code quota → {limit.exceeded.action → NOOP}}. */
    public Map<String, Map<String, String>> bundleSections() {
        Map<String, Map<String, String>> sections = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("strata.") && !KernelKeys.isKernelSection(key)) {
                String section = KeyDefinition.sectionOf(key);
                String rest = key.substring(("strata." + section).length());
                if (rest.startsWith(".")) {
                    sections.computeIfAbsent(section, ignored -> new TreeMap<>())
                            .put(rest.substring(1), value);
                }
            }
        });
        return sections;
    }

    /** The kernel key's value in force, parsed. */
    public Object kernelValue(String key) {
        KeyDefinition definition =
                KernelKeys.find(key).orElseThrow(() -> new IllegalArgumentException("not a kernel key: " + key));
        return definition.parse(values.getOrDefault(key, definition.defaultValue()));
    }
}
