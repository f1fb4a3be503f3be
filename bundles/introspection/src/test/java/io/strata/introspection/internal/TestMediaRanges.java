package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestMediaRanges {
    @Test
    void testJsonUnlessTextIsPreferred() {
        assertThat(MediaRanges.prefersText(null)).isFalse();
        assertThat(MediaRanges.prefersText("")).isFalse();
        assertThat(MediaRanges.prefersText("*/*")).isFalse();
        assertThat(MediaRanges.prefersText("application/json")).isFalse();
        assertThat(MediaRanges.prefersText("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .isFalse();
        assertThat(MediaRanges.prefersText("text/plain")).isTrue();
        assertThat(MediaRanges.prefersText("text/plain;version=0.0.4")).isTrue();
        assertThat(MediaRanges.prefersText("text/*, application/json;q=0.5")).isTrue();
        assertThat(MediaRanges.prefersText("text/plain;q=0.2, application/json"))
                .isFalse();
    }

    @Test
    void testPrometheusScrapeHeaderGetsText() {
        assertThat(MediaRanges.prefersText(
                        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                                + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1"))
                .isTrue();
    }
}
