package io.strata.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.spi.ufs.UfsStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TestFileVersion {
    @Test
    void testPagesOfAVersion() {
        FileVersion version = new FileVersion(2500, Optional.empty(), Optional.empty());
        assertThat(version.pageCount(1000)).isEqualTo(3);
        assertThat(version.pageLength(1000, 0)).isEqualTo(1000);
        assertThat(version.pageLength(1000, 2)).isEqualTo(500);
        assertThatThrownBy(() -> version.pageLength(1000, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> version.pageLength(1000, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FileVersion(0, Optional.empty(), Optional.empty()).pageCount(1000))
                .isZero();
        assertThat(new FileVersion(1L << 40, Optional.empty(), Optional.empty()).pageCount(1 << 20))
                .isEqualTo(1 << 20);
        assertThatThrownBy(() -> new FileVersion(-1, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testVersionOfAUfsStatus() {
        Instant modified = Instant.parse("2026-01-02T03:04:05.000000123Z");
        FileVersion version = FileVersion.of(UfsStatus.file("a/b", 42, modified, Optional.of("\"etag\"")));
        assertThat(version).isEqualTo(new FileVersion(42, Optional.of(modified), Optional.of("\"etag\"")));
        assertThat(version).isNotEqualTo(new FileVersion(42, Optional.of(modified), Optional.of("\"other\"")));
        assertThatThrownBy(() -> FileVersion.of(UfsStatus.directory("a", Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
