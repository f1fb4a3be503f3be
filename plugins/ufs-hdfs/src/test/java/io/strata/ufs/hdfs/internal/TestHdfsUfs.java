package io.strata.ufs.hdfs.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against a real HDFS: a {@link MiniDFSCluster} (one NameNode, one DataNode on
 * 127.0.0.1, data under {@code target/}) started once for the class. Each test works in a folder
 * of its own.
 */
final class TestHdfsUfs {
    /** Small, so that a page needs several NameNode calls. */
    private static final int NAMENODE_LIST_LIMIT = 7;
    /** Small, so that a few kilobytes span several blocks. */
    private static final int BLOCK_SIZE = 1024;

    private static MiniDFSCluster cluster;
    private static FileSystem admin;
    private static String authority;

    private final HdfsUfsFactory factory = new HdfsUfsFactory();
    private final List<Ufs> opened = new ArrayList<>();
    private String folder;

    @BeforeAll
    static void startCluster() throws IOException {
        Path base = Path.of("target", "minidfs-" + UUID.randomUUID()).toAbsolutePath();
        Configuration configuration = new Configuration();
        configuration.setInt("dfs.ls.limit", NAMENODE_LIST_LIMIT);
        configuration.setLong("dfs.namenode.fs-limits.min-block-size", BLOCK_SIZE);
        configuration.setLong("dfs.blocksize", BLOCK_SIZE);
        configuration.setInt("dfs.bytes-per-checksum", 512);
        configuration.setBoolean("dfs.permissions.enabled", true);
        // WebHDFS scans the whole mini-cluster jar for its resources at start: seconds, and unused here
        configuration.setBoolean("dfs.webhdfs.enabled", false);
        cluster = new MiniDFSCluster.Builder(configuration, base.toFile())
                .numDataNodes(1)
                .build();
        cluster.waitActive();
        admin = cluster.getFileSystem();
        authority = "127.0.0.1:" + cluster.getNameNodePort();
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @BeforeEach
    void createFolder() throws IOException {
        folder = "/t-" + UUID.randomUUID();
        admin.mkdirs(new org.apache.hadoop.fs.Path(folder));
    }

    @AfterEach
    void closeConnectors() throws IOException {
        for (Ufs ufs : opened) {
            ufs.close();
        }
        factory.deactivate();
    }

    private Ufs open(String uri, Map<String, String> options) throws UfsException {
        Ufs ufs = factory.create(URI.create(uri), options, () -> "/hdfs");
        opened.add(ufs);
        return ufs;
    }

    private Ufs open() throws UfsException {
        return open("hdfs://" + authority + folder + "/", Map.of());
    }

    private void write(String path, String content) throws IOException {
        write(path, content.getBytes(UTF_8));
    }

    private void write(String path, byte[] content) throws IOException {
        try (OutputStream out = admin.create(new org.apache.hadoop.fs.Path(folder + "/" + path), true)) {
            out.write(content);
        }
    }

    @Test
    void testReachability() throws Exception {
        open().checkReachable();
        open("hdfs://" + authority + "/", Map.of()).checkReachable();
        write("file.txt", "x");

        assertFailure(
                () -> open("hdfs://" + authority + folder + "/missing/", Map.of())
                        .checkReachable(),
                UfsException.Kind.UNAVAILABLE,
                "Folder hdfs://" + authority + folder + "/missing does not exist");
        assertFailure(
                () -> open("hdfs://" + authority + folder + "/file.txt/", Map.of())
                        .checkReachable(),
                UfsException.Kind.UNAVAILABLE,
                "hdfs://" + authority + folder + "/file.txt is not a folder");

        int closedPort = closedPort();
        long start = System.nanoTime();
        assertFailure(
                () -> open("hdfs://127.0.0.1:" + closedPort + "/", Map.of()).checkReachable(),
                UfsException.Kind.UNAVAILABLE,
                "Cannot connect to the NameNode of hdfs://127.0.0.1:" + closedPort + "/: Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("a refused connection is retried only briefly")
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void testStatusOfFilesAndDirectories() throws Exception {
        write("a.csv", "0123456789");
        admin.mkdirs(new org.apache.hadoop.fs.Path(folder + "/dir/inner"));
        Ufs ufs = open();

        UfsStatus file = ufs.status("a.csv");
        assertThat(file.path()).isEqualTo("a.csv");
        assertThat(file.directory()).isFalse();
        assertThat(file.length()).isEqualTo(10);
        long modified = admin.getFileStatus(new org.apache.hadoop.fs.Path(folder + "/a.csv"))
                .getModificationTime();
        assertThat(file.lastModified())
                .hasValueSatisfying(time -> assertThat(time.toEpochMilli()).isEqualTo(modified));
        assertThat(file.fingerprint())
                .hasValueSatisfying(
                        fingerprint -> assertThat(fingerprint).startsWith("a-" + Long.toHexString(modified) + "-"));

        // rewritten with the same length: the fingerprint changes (a new inode at least)
        write("a.csv", "9876543210");
        assertThat(ufs.status("a.csv").fingerprint()).isNotEqualTo(file.fingerprint());

        UfsStatus directory = ufs.status("dir");
        assertThat(directory.directory()).isTrue();
        assertThat(directory.length()).isZero();
        assertThat(directory.lastModified()).isPresent();
        assertThat(directory.fingerprint()).isEmpty();
        assertThat(ufs.status("dir/inner").directory()).isTrue();
        assertThat(ufs.status("").directory()).isTrue();
        assertThat(ufs.exists("a.csv")).isTrue();
        assertThat(ufs.exists("nothing")).isFalse();

        assertFailure(
                () -> ufs.status("nothing"),
                UfsException.Kind.NOT_FOUND,
                "No such file or directory: hdfs://" + authority + folder + "/nothing");
        assertFailure(() -> ufs.status("a.csv/below"), UfsException.Kind.NOT_FOUND, "No such file or directory");
        assertFailure(() -> ufs.status("../other"), UfsException.Kind.PERMISSION_DENIED, "Invalid path");
        assertFailure(() -> ufs.status("a//b"), UfsException.Kind.INVALID_ARGUMENT, "Invalid path");
    }

    @Test
    void testListingIsSortedAndPaged() throws Exception {
        List<String> names = List.of("b.txt", "a.txt", "sub.txt", "Z", "é", "c d", "日本");
        for (String name : names) {
            write("d/" + name, "1");
        }
        admin.mkdirs(new org.apache.hadoop.fs.Path(folder + "/d/sub/deeper"));
        admin.mkdirs(new org.apache.hadoop.fs.Path(folder + "/d/empty"));
        List<String> all = List.of("Z", "a.txt", "b.txt", "c d", "empty", "sub", "sub.txt", "é", "日本");

        for (boolean scan : List.of(false, true)) {
            Ufs ufs = factory.create(URI.create("hdfs://" + authority + folder + "/"), Map.of(), scan);
            opened.add(ufs);
            String mode = scan ? "scan" : "NameNode pages";

            UfsListing whole = ufs.list("d", Optional.empty(), 100);
            assertThat(whole.entries()).as(mode).extracting(UfsStatus::name).containsExactlyElementsOf(all);
            assertThat(whole.nextMarker()).as(mode).isEmpty();
            assertThat(whole.entries())
                    .filteredOn(UfsStatus::directory)
                    .extracting(UfsStatus::path)
                    .containsExactly("d/empty", "d/sub");
            assertThat(whole.entries()).filteredOn(entry -> !entry.directory()).allSatisfy(entry -> {
                assertThat(entry.length()).isEqualTo(1);
                assertThat(entry.fingerprint()).isPresent();
            });

            for (int limit : List.of(1, 2, 3, 7, 8, 9)) {
                List<String> paged = new ArrayList<>();
                Optional<String> marker = Optional.empty();
                int pages = 0;
                do {
                    UfsListing page = ufs.list("d", marker, limit);
                    assertThat(page.entries()).as(mode).hasSizeLessThanOrEqualTo(limit);
                    page.entries().forEach(entry -> paged.add(entry.name()));
                    marker = page.nextMarker();
                    pages++;
                } while (marker.isPresent() && pages < 100);
                assertThat(paged).as(mode + ", limit " + limit).hasSameSizeAs(all);
                assertThat(new TreeSet<>(paged)).as(mode).containsExactlyElementsOf(new TreeSet<>(all));
                assertThat(pages).as(mode).isBetween((all.size() + limit - 1) / limit, all.size() / limit + 1);
            }

            if (!scan) {
                // pages of one follow the NameNode's order: UTF-8 bytes compared as signed values,
                // so the non-ASCII names come first
                List<String> nameNodeOrder = new ArrayList<>();
                Optional<String> marker = Optional.empty();
                do {
                    UfsListing page = ufs.list("d", marker, 1);
                    page.entries().forEach(entry -> nameNodeOrder.add(entry.name()));
                    marker = page.nextMarker();
                } while (marker.isPresent() && nameNodeOrder.size() < 100);
                assertThat(nameNodeOrder)
                        .containsExactly("é", "日本", "Z", "a.txt", "b.txt", "c d", "empty", "sub", "sub.txt");
            }

            assertThat(ufs.list("d/empty", Optional.empty(), 10).entries()).isEmpty();
            assertThat(ufs.list("", Optional.empty(), 10).entries())
                    .extracting(UfsStatus::path)
                    .containsExactly("d");
            assertFailure(() -> ufs.list("none", Optional.empty(), 10), UfsException.Kind.NOT_FOUND, "No such");
            assertFailure(
                    () -> ufs.list("d/a.txt", Optional.empty(), 10),
                    UfsException.Kind.NOT_FOUND,
                    "Not a directory: hdfs://" + authority + folder + "/d/a.txt");
            assertFailure(
                    () -> ufs.list("d", Optional.empty(), 0),
                    UfsException.Kind.INVALID_ARGUMENT,
                    "limit must be between 1 and 10000");
        }
    }

    /** 60 entries, pages of 25 while the NameNode answers 7 at a time: pages span several calls. */
    @Test
    void testLargeDirectoryIsPaged() throws Exception {
        int count = 60;
        for (int i = 0; i < count; i++) {
            admin.mkdirs(new org.apache.hadoop.fs.Path(folder + "/big/" + String.format("e-%03d", i)));
        }
        Ufs ufs = open();
        List<String> names = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        List<Integer> sizes = new ArrayList<>();
        do {
            UfsListing page = ufs.list("big", marker, 25);
            sizes.add(page.entries().size());
            page.entries().forEach(entry -> names.add(entry.name()));
            marker = page.nextMarker();
        } while (marker.isPresent() && sizes.size() < 10);
        assertThat(sizes).containsExactly(25, 25, 10);
        assertThat(names).hasSize(count).isSorted().doesNotHaveDuplicates();
        assertThat(names.get(0)).isEqualTo("e-000");
        assertThat(names.get(count - 1)).isEqualTo("e-059");

        // a marker that names no entry (removed since) continues after it
        assertThat(ufs.list("big", Optional.of("e-0305"), 2).entries())
                .extracting(UfsStatus::name)
                .containsExactly("e-031", "e-032");
    }

    @Test
    void testRangedReads() throws Exception {
        write("digits", "0123456789");
        byte[] large = new byte[5 * BLOCK_SIZE + 300];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + 7);
        }
        write("large", large);
        admin.mkdirs(new org.apache.hadoop.fs.Path(folder + "/dir"));
        Ufs ufs = open();

        assertThat(read(ufs.read("digits", 0, Long.MAX_VALUE))).isEqualTo("0123456789");
        assertThat(read(ufs.read("digits", 3, 4))).isEqualTo("3456");
        assertThat(read(ufs.read("digits", 8, 100))).isEqualTo("89");
        assertThat(read(ufs.read("digits", 5, Long.MAX_VALUE))).isEqualTo("56789");
        assertThat(read(ufs.read("digits", 10, 5))).isEmpty();
        assertThat(read(ufs.read("digits", 11, 5))).isEmpty();
        assertThat(read(ufs.read("digits", 2, 0))).isEmpty();

        // across block boundaries, from the middle of a block
        int offset = BLOCK_SIZE - 100;
        int length = 3 * BLOCK_SIZE + 17;
        byte[] expected = new byte[length];
        System.arraycopy(large, offset, expected, 0, length);
        try (InputStream in = ufs.read("large", offset, length)) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        try (InputStream in = ufs.read("large", 0, Long.MAX_VALUE)) {
            assertThat(in.readAllBytes()).isEqualTo(large);
        }

        assertFailure(() -> ufs.read("missing", 0, 10), UfsException.Kind.NOT_FOUND, "No such file or directory");
        assertFailure(() -> ufs.read("missing", 0, 0), UfsException.Kind.NOT_FOUND, "No such file or directory");
        assertFailure(() -> ufs.read("dir", 0, 10), UfsException.Kind.INVALID_ARGUMENT, "Is a directory");
        assertFailure(() -> ufs.read("dir", 0, 0), UfsException.Kind.INVALID_ARGUMENT, "Is a directory");
        assertFailure(() -> ufs.read("", 0, 10), UfsException.Kind.INVALID_ARGUMENT, "Is a directory");
        assertFailure(() -> ufs.read("digits", -1, 1), UfsException.Kind.INVALID_ARGUMENT, "Invalid range");
    }

    @Test
    void testPermissionDenied() throws Exception {
        org.apache.hadoop.fs.Path secret = new org.apache.hadoop.fs.Path(folder + "/private");
        admin.mkdirs(secret);
        write("private/data", "x");
        admin.setPermission(secret, new FsPermission((short) 0700));
        Ufs ufs = open("hdfs://" + authority + folder + "/", Map.of("hdfs.user", "strata-it-alice"));

        assertThat(ufs.status("private").directory()).isTrue();
        assertFailure(
                () -> ufs.list("private", Optional.empty(), 10),
                UfsException.Kind.PERMISSION_DENIED,
                "Permission denied: hdfs://" + authority + folder
                        + "/private: Permission denied: user=strata-it-alice");
        assertFailure(() -> ufs.status("private/data"), UfsException.Kind.PERMISSION_DENIED, "user=strata-it-alice");
        assertFailure(() -> ufs.read("private/data", 0, 1), UfsException.Kind.PERMISSION_DENIED, "Permission denied");
        // the owner reads it
        assertThat(read(open().read("private/data", 0, 1))).isEqualTo("x");
    }

    @Test
    void testOptionsReachTheHadoopConfiguration(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path coreSite = temp.resolve("core-site.xml");
        Files.writeString(
                coreSite, siteFile(Map.of("strata.test.from.file", "file", "dfs.client.retry.window.base", "111")));
        Path hdfsSite = temp.resolve("hdfs-site.xml");
        Files.writeString(hdfsSite, siteFile(Map.of("strata.test.second.file", "second")));
        Map<String, String> options = new HashMap<>();
        options.put("hdfs.configuration.files", coreSite + "," + hdfsSite);
        options.put("dfs.client.retry.window.base", "222");
        options.put("ipc.client.connect.max.retries", "1");
        options.put("fs.hdfs.impl.disable.cache", "false");
        HdfsUfs ufs = factory.create(URI.create("hdfs://" + authority + folder + "/"), options, false);
        opened.add(ufs);

        Configuration configuration = ufs.configuration();
        assertThat(configuration.get("strata.test.from.file")).isEqualTo("file");
        assertThat(configuration.get("strata.test.second.file")).isEqualTo("second");
        assertThat(configuration.get("dfs.client.retry.window.base"))
                .as("options win over files")
                .isEqualTo("222");
        assertThat(configuration.get("ipc.client.connect.max.retries")).isEqualTo("1");
        assertThat(configuration.get("ipc.client.connect.retry.interval"))
                .as("Strata's default")
                .isEqualTo("500");
        assertThat(configuration.getBoolean("fs.hdfs.impl.disable.cache", false))
                .as("never the shared cache")
                .isTrue();
        ufs.checkReachable();

        // the reference's option name, ':'-separated
        HdfsUfs reference = factory.create(
                URI.create("hdfs://" + authority + folder + "/"),
                Map.of("alluxio.underfs.hdfs.configuration", coreSite + ":" + hdfsSite),
                false);
        opened.add(reference);
        assertThat(reference.configuration().get("strata.test.second.file")).isEqualTo("second");
    }

    @Test
    void testInvalidOptionsAndUris(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        String uri = "hdfs://" + authority + "/";
        assertFailure(
                () -> open(uri, Map.of("hdfs.colour", "blue")),
                UfsException.Kind.INVALID_CONFIGURATION,
                "unknown option(s) hdfs.colour; the options are hdfs.configuration.files,"
                        + " alluxio.underfs.hdfs.configuration, hdfs.user, hdfs.kerberos.principal,"
                        + " hdfs.kerberos.keytab and Hadoop keys starting with dfs., fs., hadoop., ipc.");
        assertFailure(
                () -> open(
                        uri,
                        Map.of(
                                "hdfs.configuration.files",
                                temp.resolve("none.xml").toString())),
                UfsException.Kind.INVALID_CONFIGURATION,
                "hdfs.configuration.files: " + temp.resolve("none.xml") + " is not a file on this node");
        assertFailure(
                () -> open(uri, Map.of("hdfs.configuration.files", "conf/core-site.xml")),
                UfsException.Kind.INVALID_CONFIGURATION,
                "is not an absolute path");
        Path broken = temp.resolve("broken.xml");
        Files.writeString(broken, "<configuration><property><name>x</name>", UTF_8);
        assertFailure(
                () -> open(uri, Map.of("hdfs.configuration.files", broken.toString())),
                UfsException.Kind.INVALID_CONFIGURATION,
                "Cannot read the Hadoop configuration file " + broken);
        Path keytab = Files.writeString(temp.resolve("strata.keytab"), "not a keytab");
        assertFailure(
                () -> open(uri, Map.of("hdfs.kerberos.principal", "strata@EXAMPLE.COM")),
                UfsException.Kind.INVALID_CONFIGURATION,
                "hdfs.kerberos.principal and hdfs.kerberos.keytab go together");
        assertFailure(
                () -> open(uri, Map.of("hdfs.kerberos.keytab", keytab.toString())),
                UfsException.Kind.INVALID_CONFIGURATION,
                "go together");
        assertFailure(
                () -> open(
                        uri,
                        Map.of(
                                "hdfs.kerberos.principal",
                                "strata@EXAMPLE.COM",
                                "hdfs.kerberos.keytab",
                                temp.resolve("missing.keytab").toString())),
                UfsException.Kind.INVALID_CONFIGURATION,
                "hdfs.kerberos.keytab: " + temp.resolve("missing.keytab") + " is not a file on this node");
        assertFailure(
                () -> open(
                        uri,
                        Map.of(
                                "hdfs.kerberos.principal", "strata@EXAMPLE.COM",
                                "hdfs.kerberos.keytab", keytab.toString(),
                                "hdfs.user", "bob")),
                UfsException.Kind.INVALID_CONFIGURATION,
                "hdfs.user is for clusters without Kerberos");

        assertFailure(
                () -> open("s3://bucket/", Map.of()),
                UfsException.Kind.INVALID_CONFIGURATION,
                "the scheme is not hdfs");
        assertFailure(
                () -> open("hdfs:///data/", Map.of()),
                UfsException.Kind.INVALID_CONFIGURATION,
                "write hdfs://<namenode host:port or nameservice>/<path>/");
        assertFailure(
                () -> open("hdfs://nn:8020/a/../b/", Map.of()),
                UfsException.Kind.INVALID_CONFIGURATION,
                "the path has . or .. segments");
        assertFailure(
                () -> open("hdfs://alice@nn:8020/", Map.of()),
                UfsException.Kind.INVALID_CONFIGURATION,
                "an HDFS URI takes no user");
    }

    @Test
    void testCreatingDoesNotContactTheCluster() throws Exception {
        int closedPort = closedPort();
        Ufs ufs = open("hdfs://127.0.0.1:" + closedPort + "/data/", Map.of());
        assertThat(ufs.root()).isEqualTo(URI.create("hdfs://127.0.0.1:" + closedPort + "/data/"));
        assertFailure(() -> ufs.status("x"), UfsException.Kind.UNAVAILABLE, "Cannot connect to the NameNode");
    }

    @Test
    void testClosedConnectorRefusesCalls() throws Exception {
        write("a", "1");
        Ufs ufs = open();
        InputStream in = ufs.read("a", 0, 10);
        ufs.close();
        ufs.close();
        assertFailure(() -> ufs.status("a"), UfsException.Kind.UNAVAILABLE, "closed");
        assertFailure(() -> ufs.list("", Optional.empty(), 1), UfsException.Kind.UNAVAILABLE, "closed");
        assertThatThrownBy(in::read).isInstanceOf(UfsException.class).hasMessageContaining("closed");
        in.close();
    }

    /**
     * Hadoop's daemon threads end when the plugin goes, so they keep none of its classes. (Hadoop
     * shares IPC connections within a class loader; a user of its own gets this factory a new one.)
     */
    @Test
    void testHadoopThreadsEndWithTheFactory() throws Exception {
        write("a", "content");
        HdfsUfsFactory own = new HdfsUfsFactory();
        Ufs ufs = own.create(
                URI.create("hdfs://" + authority + folder + "/"),
                Map.of("hdfs.user", "strata-thread-test"),
                () -> "/own");
        assertThat(read(ufs.read("a", 0, 100))).isEqualTo("content");
        List<Thread> started = own.loader().threads();
        assertThat(started)
                .extracting(Thread::getName)
                .as("Hadoop started an IPC connection with the plugin's loader")
                .anyMatch(name -> name.startsWith("IPC Client"));
        ufs.close();
        own.deactivate();
        assertThat(own.loader().threads()).extracting(Thread::getName).isEmpty();
        assertThat(started)
                .filteredOn(thread -> thread.getName().startsWith("IPC "))
                .allSatisfy(thread ->
                        assertThat(thread.isAlive()).as(thread.getName()).isFalse());
    }

    private static String siteFile(Map<String, String> properties) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
        properties.forEach((name, value) -> xml.append("  <property><name>")
                .append(name)
                .append("</name><value>")
                .append(value)
                .append("</value></property>\n"));
        return xml.append("</configuration>\n").toString();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertFailure(Call call, UfsException.Kind kind, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(UfsException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((UfsException) e).kind())
                .isEqualTo(kind);
    }
}
