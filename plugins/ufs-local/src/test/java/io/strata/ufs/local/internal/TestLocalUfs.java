package io.strata.ufs.local.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestLocalUfs {
    @TempDir
    Path temp;

    private Path folder;
    private Ufs ufs;

    @BeforeEach
    void setUp() throws IOException {
        folder = Files.createDirectories(temp.resolve("mounted"));
        ufs = new LocalUfsFactory().create(folder.toUri(), Map.of(), () -> "/data");
    }

    @AfterEach
    void tearDown() throws IOException {
        ufs.close();
    }

    @Test
    void testStatusOfFileAndDirectory() throws IOException {
        Path file =
                Files.writeString(Files.createDirectories(folder.resolve("a/b")).resolve("c.txt"), "hello");
        Instant modified = Instant.parse("2026-01-02T03:04:05Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));

        UfsStatus status = ufs.status("a/b/c.txt");
        assertThat(status.path()).isEqualTo("a/b/c.txt");
        assertThat(status.name()).isEqualTo("c.txt");
        assertThat(status.directory()).isFalse();
        assertThat(status.length()).isEqualTo(5);
        assertThat(status.lastModified()).contains(modified);
        assertThat(status.fingerprint()).isPresent();

        UfsStatus directory = ufs.status("a/b");
        assertThat(directory.directory()).isTrue();
        assertThat(directory.length()).isZero();
        assertThat(ufs.status("").directory()).isTrue();
        assertThat(ufs.root()).isEqualTo(folder.toUri());
    }

    @Test
    void testFingerprintChangesWithContent() throws IOException {
        Path file = Files.writeString(folder.resolve("f"), "one");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        String before = ufs.status("f").fingerprint().orElseThrow();
        Files.writeString(file, "three");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:01Z")));
        assertThat(ufs.status("f").fingerprint()).isPresent().isNotEqualTo(Optional.of(before));
    }

    @Test
    void testMissingPaths() throws IOException {
        assertThat(ufs.exists("nothing")).isFalse();
        Files.writeString(folder.resolve("here"), "x");
        assertThat(ufs.exists("here")).isTrue();
        assertThat(ufs.exists("")).isTrue();
        assertKind(() -> ufs.status("nothing"), UfsException.Kind.NOT_FOUND);
        assertKind(() -> ufs.list("nothing", Optional.empty(), 10), UfsException.Kind.NOT_FOUND);
        assertKind(() -> ufs.list("here", Optional.empty(), 10), UfsException.Kind.NOT_FOUND);
        assertKind(() -> ufs.read("nothing", 0, 1), UfsException.Kind.NOT_FOUND);
    }

    @Test
    void testRangedReads() throws IOException {
        Files.writeString(folder.resolve("digits"), "0123456789");
        assertThat(read(ufs.read("digits", 0, Long.MAX_VALUE))).isEqualTo("0123456789");
        assertThat(read(ufs.read("digits", 3, 4))).isEqualTo("3456");
        assertThat(read(ufs.read("digits", 8, 100))).isEqualTo("89");
        assertThat(read(ufs.read("digits", 10, 5))).isEmpty();
        assertThat(read(ufs.read("digits", 50, 5))).isEmpty();
        assertThat(read(ufs.read("digits", 2, 0))).isEmpty();
        assertKind(() -> ufs.read("digits", -1, 1), UfsException.Kind.INVALID_ARGUMENT);
        assertKind(() -> ufs.read("digits", 0, -1), UfsException.Kind.INVALID_ARGUMENT);
        Files.createDirectory(folder.resolve("dir"));
        assertKind(() -> ufs.read("dir", 0, 1), UfsException.Kind.INVALID_ARGUMENT);
    }

    @Test
    void testDotDotIsRefused() throws IOException {
        Files.writeString(temp.resolve("secret.txt"), "outside");
        Files.createDirectories(folder.resolve("a"));
        for (String path : List.of("..", "../secret.txt", "a/../../secret.txt", "a/..", "a/../..")) {
            assertKind(() -> ufs.status(path), UfsException.Kind.PERMISSION_DENIED);
            assertKind(() -> ufs.read(path, 0, 10), UfsException.Kind.PERMISSION_DENIED);
            assertKind(() -> ufs.exists(path), UfsException.Kind.PERMISSION_DENIED);
            assertKind(() -> ufs.list(path, Optional.empty(), 10), UfsException.Kind.PERMISSION_DENIED);
        }
        for (String path : List.of("/etc/passwd", "a//b", "a/", "./a")) {
            assertKind(() -> ufs.status(path), UfsException.Kind.INVALID_ARGUMENT);
        }
    }

    @Test
    void testSymlinksOutOfTheFolderAreRefused() throws IOException {
        Path outsideFile = Files.writeString(temp.resolve("secret.txt"), "outside");
        Path outsideDir = Files.createDirectories(temp.resolve("outside-dir"));
        Files.writeString(outsideDir.resolve("inner.txt"), "outside too");
        Files.createSymbolicLink(folder.resolve("to-file"), outsideFile);
        Files.createSymbolicLink(folder.resolve("to-dir"), outsideDir);
        Files.createSymbolicLink(folder.resolve("to-root"), Path.of("/"));
        // a sibling whose name extends the folder's must not count as inside
        Path sibling = Files.createDirectories(temp.resolve("mounted-evil"));
        Files.writeString(sibling.resolve("x"), "x");
        Files.createSymbolicLink(folder.resolve("to-sibling"), sibling);

        for (String path : List.of("to-file", "to-dir", "to-dir/inner.txt", "to-root/etc/passwd", "to-sibling/x")) {
            assertKind(() -> ufs.status(path), UfsException.Kind.PERMISSION_DENIED);
            assertKind(() -> ufs.read(path, 0, 10), UfsException.Kind.PERMISSION_DENIED);
            assertKind(() -> ufs.exists(path), UfsException.Kind.PERMISSION_DENIED);
        }
        assertKind(() -> ufs.list("to-dir", Optional.empty(), 10), UfsException.Kind.PERMISSION_DENIED);
        // listing the folder does not show the links that lead out
        Files.writeString(folder.resolve("plain.txt"), "in");
        assertThat(names(ufs.list("", Optional.empty(), 100))).containsExactly("plain.txt");
    }

    @Test
    void testSymlinksInsideTheFolderAreFollowed() throws IOException {
        Path target = Files.writeString(
                Files.createDirectories(folder.resolve("real")).resolve("data.txt"), "inside");
        Files.createSymbolicLink(folder.resolve("alias"), folder.resolve("real"));
        Files.createSymbolicLink(folder.resolve("relative"), Path.of("real/data.txt"));
        Files.createSymbolicLink(folder.resolve("dangling"), folder.resolve("gone"));
        assertThat(read(ufs.read("alias/data.txt", 0, 100))).isEqualTo("inside");
        assertThat(read(ufs.read("relative", 0, 100))).isEqualTo("inside");
        assertThat(ufs.status("alias").directory()).isTrue();
        assertThat(ufs.status("relative").length()).isEqualTo(Files.size(target));
        assertThat(ufs.exists("dangling")).isFalse();
        assertThat(names(ufs.list("", Optional.empty(), 100))).containsExactly("alias", "real", "relative");
    }

    @Test
    void testMountedFolderBehindASymlink() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("nas"), folder);
        Files.writeString(folder.resolve("f"), "via link");
        try (Ufs linked = new LocalUfsFactory().create(link.toUri(), Map.of(), () -> "/nas")) {
            linked.checkReachable();
            assertThat(read(linked.read("f", 0, 100))).isEqualTo("via link");
        }
    }

    @Test
    void testListingIsSortedAndPaged() throws IOException {
        for (String name : List.of("b", "a", "c.txt", "c", "B", "é", "z")) {
            Files.writeString(folder.resolve(name), name);
        }
        Files.createDirectory(folder.resolve("dir"));
        UfsListing first = ufs.list("", Optional.empty(), 3);
        assertThat(names(first)).containsExactly("B", "a", "b");
        assertThat(first.nextMarker()).contains("b");
        UfsListing second = ufs.list("", first.nextMarker(), 3);
        assertThat(names(second)).containsExactly("c", "c.txt", "dir");
        UfsListing third = ufs.list("", second.nextMarker(), 3);
        assertThat(names(third)).containsExactly("z", "é");
        assertThat(third.nextMarker()).isEmpty();
        assertThat(second.entries().get(2).directory()).isTrue();
        assertThat(second.entries().get(2).path()).isEqualTo("dir");

        // exactly a page's worth: no next marker
        assertThat(ufs.list("", Optional.empty(), 9).nextMarker()).isEmpty();
        assertThat(ufs.list("", Optional.of("é"), 10).entries()).isEmpty();
        assertKind(() -> ufs.list("", Optional.empty(), 0), UfsException.Kind.INVALID_ARGUMENT);
        assertKind(() -> ufs.list("", Optional.empty(), Ufs.MAX_LIST_LIMIT + 1), UfsException.Kind.INVALID_ARGUMENT);
    }

    @Test
    void testListingOfSubdirectoryHasFullPaths() throws IOException {
        Files.writeString(Files.createDirectories(folder.resolve("x/y")).resolve("f"), "1");
        assertThat(ufs.list("x/y", Optional.empty(), 10).entries())
                .extracting(UfsStatus::path)
                .containsExactly("x/y/f");
    }

    @Test
    void testLargeDirectoryPagedByThousand() throws IOException {
        Path big = Files.createDirectory(folder.resolve("big"));
        TreeMap<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < 10_000; i++) {
            String name = String.format("file-%05d", (i * 7919) % 10_000);
            Files.createFile(big.resolve(name));
            expected.put(name, i);
        }
        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        int pages = 0;
        do {
            UfsListing page = ufs.list("big", marker, 1000);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(1000);
            seen.addAll(names(page));
            marker = page.nextMarker();
            pages++;
        } while (marker.isPresent());
        assertThat(pages).isEqualTo(10);
        assertThat(seen).containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void testReachability() throws IOException {
        ufs.checkReachable();
        try (Ufs missing = new LocalUfsFactory().create(temp.resolve("absent").toUri(), Map.of(), () -> "")) {
            assertThatThrownBy(missing::checkReachable)
                    .isInstanceOf(UfsException.class)
                    .hasMessageContaining("does not exist")
                    .extracting(e -> ((UfsException) e).kind())
                    .isEqualTo(UfsException.Kind.UNAVAILABLE);
        }
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        try (Ufs notFolder = new LocalUfsFactory().create(file.toUri(), Map.of(), () -> "")) {
            assertThatThrownBy(notFolder::checkReachable)
                    .isInstanceOf(UfsException.class)
                    .hasMessageContaining("is not a folder");
        }
    }

    @Test
    void testClosedConnectorRefusesCalls() throws IOException {
        ufs.close();
        ufs.close();
        assertKind(() -> ufs.status(""), UfsException.Kind.UNAVAILABLE);
        assertKind(ufs::checkReachable, UfsException.Kind.UNAVAILABLE);
    }

    @Test
    void testInvalidConfiguration() {
        LocalUfsFactory factory = new LocalUfsFactory();
        for (String uri : List.of("file://host/srv/", "s3://bucket/", "file:relative", "file:///srv/?x=1")) {
            assertThatThrownBy(() -> factory.create(URI.create(uri), Map.of(), () -> ""))
                    .as(uri)
                    .isInstanceOf(UfsException.class)
                    .extracting(e -> ((UfsException) e).kind())
                    .isEqualTo(UfsException.Kind.INVALID_CONFIGURATION);
        }
        assertThatThrownBy(() -> factory.create(folder.toUri(), Map.of("colour", "blue"), () -> ""))
                .isInstanceOf(UfsException.class)
                .hasMessage("file:// mounts take no options; unknown: colour");
    }

    private static List<String> names(UfsListing listing) {
        return listing.entries().stream().map(UfsStatus::name).toList();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void assertKind(Call call, UfsException.Kind kind) {
        assertThatThrownBy(call::run)
                .isInstanceOf(UfsException.class)
                .extracting(e -> ((UfsException) e).kind())
                .isEqualTo(kind);
    }
}
