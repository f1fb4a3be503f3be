package io.strata.cache.internal;

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
import org.junit.jupiter.api.Test;

final class TestCacheConfig {
    private static final String PID = "strata.worker";
    private static final String PREFIX = "strata.worker.cache.";

    @Test
    void testDefaults() {
        Map<String, Object> defaults = new TreeMap<>();
        for (Method method : CacheConfig.class.getDeclaredMethods()) {
            defaults.put(key(method), method.getDefaultValue());
        }
        assertThat(defaults)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "strata.worker.cache.page.size",
                        "1MiB",
                        "strata.worker.cache.tiers",
                        "SSD:cache:10GiB",
                        "strata.worker.cache.watermark.high",
                        0.95,
                        "strata.worker.cache.watermark.low",
                        0.7,
                        "strata.worker.cache.eviction.interval.ms",
                        10_000L,
                        "strata.worker.cache.expiry.check.interval.ms",
                        60_000L));
        assertThat(defaults.keySet()).containsExactlyInAnyOrderElementsOf(TestCacheSettings.keys());
    }

    /** Every key carries a description in the MetaType bnd generated (what /configs shows). */
    @Test
    void testEveryKeyIsDescribedAndWellFormed() throws IOException {
        String metatype;
        try (InputStream in = CacheConfig.class
                .getClassLoader()
                .getResourceAsStream("OSGI-INF/metatype/" + CacheConfig.class.getName() + ".xml")) {
            assertThat(in).as("generated metatype").isNotNull();
            metatype = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metatype).contains("pid=\"" + PID + "\"");
        for (Method method : CacheConfig.class.getDeclaredMethods()) {
            String id = key(method).substring(PID.length() + 1);
            Matcher attribute = Pattern.compile("<AD [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>")
                    .matcher(metatype);
            assertThat(attribute.find()).as(id).isTrue();
            assertThat(attribute.group()).as(id).containsPattern("description=\"[^\"]+\"");
            assertThat(key(method)).matches("strata\\.worker\\.cache(\\.[a-z0-9]+)+");
        }
    }

    /** Every strata.worker.cache.* key the shipped site file mentions (set or commented out) is declared here, and every key is shipped. */
    @Test
    void testShippedKeysAreDeclared() throws IOException {
        Path site = Path.of("../../config/strata-site.properties");
        assertThat(site).exists();
        Set<String> declared = new TreeSet<>();
        for (Method method : CacheConfig.class.getDeclaredMethods()) {
            declared.add(key(method));
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> shipped = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith(PREFIX))
                .forEach(shipped::add);
        Matcher commented =
                Pattern.compile("(?m)^#(strata\\.worker\\.cache\\.[a-z0-9.]+)=").matcher(Files.readString(site));
        while (commented.find()) {
            shipped.add(commented.group(1));
        }
        assertThat(shipped).containsExactlyInAnyOrderElementsOf(declared);
    }

    private static String key(Method method) {
        return PID + "." + method.getName().replace('_', '.');
    }
}
