package io.strata.kernel.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestQueryParametersOnly {
    @Test
    void testQueryIsDecodedInOrderWithRepeatsAndBareNames() {
        Map<String, String[]> parameters =
                QueryParametersOnly.parse("token=a%20b&x=1&x=2&flag&=v&&name=caf%C3%A9+au+lait");
        assertThat(parameters.keySet()).containsExactly("token", "x", "flag", "", "name");
        assertThat(parameters.get("token")).containsExactly("a b");
        assertThat(parameters.get("x")).containsExactly("1", "2");
        assertThat(parameters.get("flag")).containsExactly("");
        assertThat(parameters.get("")).containsExactly("v");
        assertThat(parameters.get("name")).containsExactly("café au lait");
    }

    @Test
    void testMalformedEscapeIsKeptAsItIs() {
        assertThat(QueryParametersOnly.parse("p=%zz").get("p")).containsExactly("%zz");
    }

    @Test
    void testNoQueryHasNoParameters() {
        assertThat(QueryParametersOnly.parse(null)).isEmpty();
        assertThat(QueryParametersOnly.parse("")).isEmpty();
    }
}
