package io.strata.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TestHash64 {
    @Test
    void matchesTheSpecificationsReferenceValues() {
        // values published with the xxHash specification and its reference implementation
        assertThat(Hash64.of(new byte[0], 0)).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(Hash64.of("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(Hash64.of("abc")).isEqualTo(0x44BC2CF5AD770999L);
        assertThat(Hash64.of("Nobody inspects the spammish repetition".getBytes(StandardCharsets.UTF_8), 0))
                .isEqualTo(0xFBCEA83C8A378BF1L);
    }

    @Test
    void everyInputLengthPathIsExercised() {
        // 0..100 bytes covers the 32-byte stripes, 8-byte, 4-byte and 1-byte tails
        java.util.Set<Long> seen = new java.util.HashSet<>();
        byte[] data = new byte[100];
        for (int length = 0; length <= 100; length++) {
            byte[] prefix = java.util.Arrays.copyOf(data, length);
            seen.add(Hash64.of(prefix, 0));
            if (length < 100) {
                data[length] = (byte) length;
            }
        }
        assertThat(seen).hasSize(101);
        assertThat(Hash64.of("abc".getBytes(StandardCharsets.UTF_8), 1)).isNotEqualTo(Hash64.of("abc"));
    }
}
