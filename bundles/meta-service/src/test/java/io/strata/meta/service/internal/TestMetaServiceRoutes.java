package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestMetaServiceRoutes {
    @Test
    void testQueryIsReadAsTheResourceReadsIt() {
        assertThat(MetaServiceRoutes.query(null)).isEmpty();
        assertThat(MetaServiceRoutes.query("")).isEmpty();
        // first value wins, values and names stay undecoded, no '=' is the empty value, '=x' is ignored
        assertThat(MetaServiceRoutes.query("token=a%20b&token=second&flag&=ignored&&x=1=2&plus=a+b"))
                .containsExactly(
                        Map.entry("token", "a%20b"),
                        Map.entry("flag", ""),
                        Map.entry("x", "1=2"),
                        Map.entry("plus", "a+b"));
        assertThat(MetaServiceRoutes.query("token=abc").get("token")).isEqualTo("abc");
    }
}
