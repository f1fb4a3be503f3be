package io.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bundle's typed configuration ({@code @interface} with {@code @ObjectClassDefinition})
 * declares, what bnd generated for it, and what the shipped site file mentions: the checks every
 * bundle's config test makes.
 */
public final class ConfigKeys {
    /** The site file the tarball ships, seen from a module under {@code bundles/} or {@code plugins/}. */
    private static final Path SITE = Path.of("../../config/strata-site.properties");

    private ConfigKeys() {}

    /** The key of one attribute: method {@code check_timeout_ms()} of pid {@code strata.mount} is {@code strata.mount.check.timeout.ms}. */
    public static String key(String pid, Method method) {
        return pid + "." + method.getName().replace('_', '.');
    }

    /** Every key {@code config} declares, with its default. */
    public static Map<String, Object> defaults(Class<?> config, String pid) {
        Map<String, Object> defaults = new TreeMap<>();
        for (Method method : config.getDeclaredMethods()) {
            defaults.put(key(pid, method), method.getDefaultValue());
        }
        return defaults;
    }

    /**
     * Asserts that bnd generated the MetaType of {@code config} under {@code pid}, that every key
     * carries a description there (what {@code /configs} shows), and that every key matches {@code
     * keyPattern}.
     */
    public static void assertDescribed(Class<?> config, String pid, String keyPattern) throws IOException {
        String metatype;
        try (InputStream in =
                config.getClassLoader().getResourceAsStream("OSGI-INF/metatype/" + config.getName() + ".xml")) {
            assertThat(in).as("generated metatype").isNotNull();
            metatype = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metatype).contains("pid=\"" + pid + "\"");
        for (Method method : config.getDeclaredMethods()) {
            String id = key(pid, method).substring(pid.length() + 1);
            Matcher attribute = Pattern.compile("<AD [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>")
                    .matcher(metatype);
            assertThat(attribute.find()).as(id).isTrue();
            assertThat(attribute.group()).as(id).containsPattern("description=\"[^\"]+\"");
            assertThat(key(pid, method)).matches(keyPattern);
        }
    }

    /** Every key starting with {@code prefix} that the shipped site file mentions, set or commented out. */
    public static Set<String> shipped(String prefix) throws IOException {
        assertThat(SITE).exists();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(SITE, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> shipped = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(shipped::add);
        Matcher commented = Pattern.compile("(?m)^#(" + Pattern.quote(prefix) + "[a-z0-9.]+)=")
                .matcher(Files.readString(SITE));
        while (commented.find()) {
            shipped.add(commented.group(1));
        }
        return shipped;
    }
}
