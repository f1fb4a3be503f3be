package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.spi.ErrorKind;
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

    @Test
    void testErrorEnvelopeIsTheKernelsRendering() {
        assertThat(MetaServiceRoutes.envelope(ErrorKind.INVALID_ARGUMENT, "bad \"x\"\n\tend é"))
                .isEqualTo("{\n    \"code\": \"INVALID_ARGUMENT\",\n    \"msg\": \"bad \\\"x\\\"\\n\\tend é\"\n}\n");
        assertThat(MetaServiceRoutes.envelope(ErrorKind.CONFLICT, "exists"))
                .isEqualTo("{\n    \"code\": \"ALREADY_EXISTED\",\n    \"msg\": \"exists\"\n}\n");
        assertThat(MetaServiceRoutes.envelope(ErrorKind.NOT_FOUND, "gone")).contains("\"code\": \"NOT_FOUND\"");
        assertThat(MetaServiceRoutes.envelope(ErrorKind.INTERNAL, "x")).contains("\"code\": \"INTERNAL_ERROR\"");
    }
}
