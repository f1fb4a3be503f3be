package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.spi.config.Mutable;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class TestIntrospectionConfig {
    private static final Pattern SHIPPED_KEY =
            Pattern.compile("^#?\\s*(strata\\.introspection\\.[a-z0-9.]+)\\s*=", Pattern.MULTILINE);

    /** Key → default, as DS maps the methods ({@code pprof_max_seconds} → {@code strata.introspection.pprof.max.seconds}). */
    private static Map<String, Object> keys() {
        Map<String, Object> keys = new TreeMap<>();
        for (Method method : IntrospectionConfig.class.getDeclaredMethods()) {
            keys.put(IntrospectionConfig.PID + "." + method.getName().replace('_', '.'), method.getDefaultValue());
        }
        return keys;
    }

    @Test
    void testDefaults() {
        assertThat(keys())
                .containsExactly(
                        Map.entry("strata.introspection.pprof.heap.sampling.enabled", true),
                        Map.entry("strata.introspection.pprof.max.seconds", 300));
    }

    @Test
    void testEveryKeyIsMutableAndWellFormed() {
        for (Method method : IntrospectionConfig.class.getDeclaredMethods()) {
            assertThat(method.isAnnotationPresent(Mutable.class))
                    .as("%s can be changed at runtime", method.getName())
                    .isTrue();
            assertThat(Arrays.stream(method.getName().split("_"))).allMatch(segment -> segment.matches("[a-z0-9]+"));
        }
    }

    @Test
    void testTheBundleDeclaresItsKeysForConfigs() throws IOException {
        Path metatype = Path.of("target/classes/OSGI-INF/metatype/" + IntrospectionConfig.class.getName() + ".xml");
        String xml = Files.readString(metatype);
        assertThat(xml)
                .contains("<Designate pid=\"strata.introspection\">")
                .contains("<AD id=\"pprof.max.seconds\" type=\"Integer\"")
                .contains("min=\"1\" default=\"300\"")
                .contains("<AD id=\"pprof.heap.sampling.enabled\" type=\"Boolean\"");
        // every attribute has its one-line description for /configs
        assertThat(xml.split("<AD ").length - 1).isEqualTo(IntrospectionConfig.class.getDeclaredMethods().length);
        assertThat(xml).doesNotContain("description=\"\"");
        assertThat(Pattern.compile("<AD [^>]*description=\"[^\"]+\"")
                        .matcher(xml)
                        .results()
                        .count())
                .isEqualTo(IntrospectionConfig.class.getDeclaredMethods().length);
    }

    @Test
    void testEveryShippedKeyMapsToAnAttribute() throws IOException {
        String shipped = Files.readString(Path.of("../../config/strata-site.properties"));
        Matcher matcher = SHIPPED_KEY.matcher(shipped);
        while (matcher.find()) {
            assertThat(keys()).containsKey(matcher.group(1));
        }
    }
}
