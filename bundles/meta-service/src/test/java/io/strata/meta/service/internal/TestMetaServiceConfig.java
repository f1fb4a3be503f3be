package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class TestMetaServiceConfig {
    @Test
    void testDefaults() {
        Map<String, Object> defaults = new TreeMap<>();
        for (Method method : MetaServiceConfig.class.getDeclaredMethods()) {
            defaults.put(key(method), method.getDefaultValue());
        }
        assertThat(defaults)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("strata.metaservice.token", ""),
                        Map.entry("strata.metaservice.encryption.key", ""),
                        Map.entry("strata.metaservice.state.dir", ""),
                        Map.entry("strata.metaservice.cluster.name.check.enabled", false),
                        Map.entry("strata.metaservice.instance.id.check.enabled", true),
                        Map.entry("strata.metaservice.fe.drop.safe.time.check.enabled", true),
                        Map.entry("strata.metaservice.fe.drop.safe.time.ms", 300_000L),
                        Map.entry("strata.metaservice.arn.id", ""),
                        Map.entry("strata.metaservice.arn.ak", ""),
                        Map.entry("strata.metaservice.arn.sk", ""),
                        Map.entry("strata.metaservice.cas.attempts.max", 1000),
                        Map.entry("strata.metaservice.write.batch.ops.max", 128),
                        Map.entry("strata.metaservice.write.batch.max.bytes", 524_288),
                        Map.entry("strata.metaservice.write.batches.inflight.max", 1),
                        Map.entry("strata.metaservice.write.timeout.ms", 30_000L)));
    }

    /** Every key carries a description in the MetaType bnd generated (what /configs shows). */
    @Test
    void testEveryKeyIsDescribedAndWellFormed() throws Exception {
        String metatype;
        try (InputStream in = MetaServiceConfig.class
                .getClassLoader()
                .getResourceAsStream("OSGI-INF/metatype/" + MetaServiceConfig.class.getName() + ".xml")) {
            assertThat(in).as("generated metatype").isNotNull();
            metatype = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metatype).contains("pid=\"strata.metaservice\"");
        for (Method method : MetaServiceConfig.class.getDeclaredMethods()) {
            String id = key(method).substring("strata.metaservice.".length());
            Matcher attribute = Pattern.compile("<AD [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>")
                    .matcher(metatype);
            assertThat(attribute.find()).as(id).isTrue();
            assertThat(attribute.group()).as(id).containsPattern("description=\"[^\"]+\"");
            assertThat(key(method)).matches("strata\\.metaservice(\\.[a-z0-9]+)+");
        }
        assertThat(metatype).containsPattern("id=\"token\"[^>]*type=\"Password\"|type=\"Password\"[^>]*id=\"token\"");
    }

    @Test
    void testSettingsFollowTheDefaults() {
        MetaServiceSettings defaults = MetaServiceSettings.defaults();
        assertThat(defaults.clusterNameCheck()).isFalse();
        assertThat(defaults.instanceIdCheck()).isTrue();
        assertThat(defaults.feDropSafeTimeCheck()).isTrue();
        assertThat(defaults.feDropSafeTime().toMillis()).isEqualTo(300_000L);
    }

    private static String key(Method method) {
        return "strata.metaservice."
                + Arrays.stream(method.getName().split("_")).collect(Collectors.joining("."));
    }
}
