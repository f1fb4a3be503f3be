package io.strata.mount.internal;

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

final class TestMountConfig {
    private static final String PREFIX = "strata.mount.";

    @Test
    void testDefaults() {
        Map<String, Object> defaults = new TreeMap<>();
        for (Method method : MountConfig.class.getDeclaredMethods()) {
            defaults.put(key(method), method.getDefaultValue());
        }
        assertThat(defaults)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "strata.mount.table.static",
                        "",
                        "strata.mount.check.timeout.ms",
                        30_000L,
                        "strata.mount.zookeeper.timeout.ms",
                        10_000L));
    }

    /** Every key carries a description in the MetaType bnd generated (what /configs shows). */
    @Test
    void testEveryKeyIsDescribedAndWellFormed() throws IOException {
        String metatype;
        try (InputStream in = MountConfig.class
                .getClassLoader()
                .getResourceAsStream("OSGI-INF/metatype/" + MountConfig.class.getName() + ".xml")) {
            assertThat(in).as("generated metatype").isNotNull();
            metatype = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metatype).contains("pid=\"strata.mount\"");
        for (Method method : MountConfig.class.getDeclaredMethods()) {
            String id = key(method).substring(PREFIX.length());
            Matcher attribute = Pattern.compile("<AD [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>")
                    .matcher(metatype);
            assertThat(attribute.find()).as(id).isTrue();
            assertThat(attribute.group()).as(id).containsPattern("description=\"[^\"]+\"");
            assertThat(key(method)).matches("strata\\.mount(\\.[a-z0-9]+)+");
        }
    }

    /** Every strata.mount.* key the shipped site file mentions (set or commented out) is declared here. */
    @Test
    void testShippedKeysAreDeclared() throws IOException {
        Path site = Path.of("../../config/strata-site.properties");
        assertThat(site).exists();
        Set<String> declared = new TreeSet<>();
        for (Method method : MountConfig.class.getDeclaredMethods()) {
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
                Pattern.compile("(?m)^#(strata\\.mount\\.[a-z0-9.]+)=").matcher(Files.readString(site));
        while (commented.find()) {
            shipped.add(commented.group(1));
        }
        assertThat(declared).containsAll(shipped);
    }

    private static String key(Method method) {
        return PREFIX + method.getName().replace('_', '.');
    }
}
