package io.strata.cache.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestByteRange {
    private static ByteRange of(String header, long length) throws ByteRange.Unsatisfiable {
        return ByteRange.of(Optional.ofNullable(header), length);
    }

    @Test
    void noHeaderOrOneWeDoNotServeReadsTheWholeFile() throws Exception {
        ByteRange whole = new ByteRange(0, 100, false);
        assertThat(of(null, 100)).isEqualTo(whole);
        assertThat(of("items=0-5", 100)).isEqualTo(whole);
        assertThat(of("bytes=0-5,10-20", 100)).isEqualTo(whole);
        assertThat(of("bytes=abc", 100)).isEqualTo(whole);
        assertThat(of("bytes=9-3", 100)).isEqualTo(whole);
        assertThat(of("bytes=x-3", 100)).isEqualTo(whole);
    }

    @Test
    void oneRangeIsClampedToTheFile() throws Exception {
        assertThat(of("bytes=0-0", 100)).isEqualTo(new ByteRange(0, 1, true));
        assertThat(of("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 20, true));
        assertThat(of("BYTES=10-", 100)).isEqualTo(new ByteRange(10, 100, true));
        assertThat(of("bytes=90-1000", 100)).isEqualTo(new ByteRange(90, 100, true));
        assertThat(of("bytes=-10", 100)).isEqualTo(new ByteRange(90, 100, true));
        assertThat(of("bytes=-1000", 100)).isEqualTo(new ByteRange(0, 100, true));
        assertThat(of("bytes=10-19", 100).length()).isEqualTo(10);
    }

    @Test
    void aRangePastTheEndCannotBeSatisfied() {
        assertThatThrownBy(() -> of("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> of("bytes=500-600", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> of("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
