package io.strata.spi.ufs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TestUfsValues {
    private static final Instant TIME = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void testStatusOfFile() {
        UfsStatus status = UfsStatus.file("a/b/c.txt", 42, TIME, Optional.of("\"etag\""));
        assertThat(status.name()).isEqualTo("c.txt");
        assertThat(status.directory()).isFalse();
        assertThat(status.length()).isEqualTo(42);
        assertThat(status.lastModified()).contains(TIME);
        assertThat(status.fingerprint()).contains("\"etag\"");
    }

    @Test
    void testStatusOfRootAndDirectory() {
        assertThat(UfsStatus.directory("", Optional.empty()).name()).isEmpty();
        assertThat(UfsStatus.directory("a/b", Optional.of(TIME)).name()).isEqualTo("b");
    }

    @Test
    void testStatusRejectsInvalidValues() {
        assertThatThrownBy(() -> UfsStatus.file("a", -1, TIME, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new UfsStatus("a", true, 3, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directory");
        assertThatThrownBy(() -> UfsStatus.file(null, 1, TIME, Optional.empty()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("path is null");
        assertThatThrownBy(() -> new UfsStatus("a", false, 1, null, Optional.empty()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lastModified is null");
        assertThatThrownBy(() -> new UfsStatus("a", false, 1, Optional.empty(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("fingerprint is null");
        for (String path : List.of("/a", "a/", "a//b", "a/../b", "..", ".", "a/./b", "a\0b")) {
            assertThatThrownBy(() -> UfsStatus.file(path, 1, TIME, Optional.empty()))
                    .as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a relative UFS path");
        }
    }

    @Test
    void testListingCopiesEntries() {
        List<UfsStatus> entries = new ArrayList<>();
        entries.add(UfsStatus.file("d/a", 1, TIME, Optional.empty()));
        UfsListing listing = new UfsListing(entries, Optional.of("a"));
        entries.add(UfsStatus.file("d/b", 1, TIME, Optional.empty()));
        assertThat(listing.entries()).hasSize(1);
        assertThatThrownBy(() -> listing.entries().add(entries.get(1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void testListingRejectsInvalidValues() {
        assertThatThrownBy(() -> new UfsListing(null, Optional.empty()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("entries is null");
        assertThatThrownBy(() -> new UfsListing(List.of(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("nextMarker is null");
        assertThat(new UfsListing(List.of(), Optional.empty()).entries()).isEmpty();
        // a connector may skip entries it cannot show and still have more to give
        assertThat(new UfsListing(List.of(), Optional.of("x")).nextMarker()).contains("x");
    }

    @Test
    void testChildPaths() {
        assertThat(UfsPaths.child("", "a")).isEqualTo("a");
        assertThat(UfsPaths.child("a/b", "c")).isEqualTo("a/b/c");
        assertThatThrownBy(() -> UfsPaths.child("a", "b/c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UfsPaths.child("a", "..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UfsPaths.child("a", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testNameOrderIsCodePointOrder() {
        // UTF-16 puts U+FF21 after a surrogate pair; code points (and UTF-8 bytes) put it before
        String fullWidth = "\uFF21";
        String emoji = "\uD83D\uDE00";
        assertThat(fullWidth.compareTo(emoji)).isGreaterThan(0);
        assertThat(UfsPaths.NAME_ORDER.compare(fullWidth, emoji)).isLessThan(0);
        assertThat(UfsPaths.NAME_ORDER.compare("a", "ab")).isLessThan(0);
        assertThat(UfsPaths.NAME_ORDER.compare("b", "ab")).isGreaterThan(0);
        assertThat(UfsPaths.NAME_ORDER.compare("x", "x")).isZero();
    }

    @Test
    void testExceptionKinds() {
        UfsException transientFailure = new UfsException(UfsException.Kind.TRANSIENT, "throttled");
        assertThat(transientFailure.retryable()).isTrue();
        assertThat(transientFailure.getMessage()).isEqualTo("throttled");
        for (UfsException.Kind kind : UfsException.Kind.values()) {
            assertThat(new UfsException(kind, "x").retryable()).isEqualTo(kind == UfsException.Kind.TRANSIENT);
        }
        assertThatThrownBy(() -> new UfsException(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
