package io.strata.cache.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestConditions {
    private static final String ETAG = "\"1024-1700000000000.0\"";
    private static final Optional<String> LAST_MODIFIED = Optional.of("Tue, 14 Nov 2023 22:13:20 GMT");

    @Test
    void ifNoneMatchIsNotModifiedOnlyForTheCurrentTagOrAStar() {
        assertThat(Conditions.notModified(null, ETAG)).isFalse();
        assertThat(Conditions.notModified(ETAG, ETAG)).isTrue();
        assertThat(Conditions.notModified("W/" + ETAG, ETAG)).isTrue();
        assertThat(Conditions.notModified("\"other\", " + ETAG, ETAG)).isTrue();
        assertThat(Conditions.notModified("*", ETAG)).isTrue();
        assertThat(Conditions.notModified("\"other\"", ETAG)).isFalse();
        assertThat(Conditions.notModified("\"1024-1700000000000.0", ETAG)).isFalse();
        assertThat(Conditions.notModified("", ETAG)).isFalse();
    }

    @Test
    void ifRangeKeepsTheRangeOnlyForTheSameVersion() {
        assertThat(Conditions.rangeApplies(null, ETAG, LAST_MODIFIED)).isTrue();
        assertThat(Conditions.rangeApplies(ETAG, ETAG, LAST_MODIFIED)).isTrue();
        assertThat(Conditions.rangeApplies("\"other\"", ETAG, LAST_MODIFIED)).isFalse();
        assertThat(Conditions.rangeApplies("W/" + ETAG, ETAG, LAST_MODIFIED)).isFalse();
        assertThat(Conditions.rangeApplies(LAST_MODIFIED.get(), ETAG, LAST_MODIFIED))
                .isTrue();
        assertThat(Conditions.rangeApplies("Wed, 15 Nov 2023 22:13:20 GMT", ETAG, LAST_MODIFIED))
                .isFalse();
        assertThat(Conditions.rangeApplies(LAST_MODIFIED.get(), ETAG, Optional.empty()))
                .isFalse();
    }
}
