package io.strata.ufs.s3.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The connector against a real S3 server (S3Proxy on 127.0.0.1, started per test). */
final class TestS3Ufs {
    private static final String BUCKET = "strata-test";

    @RegisterExtension
    final S3ProxyExtension s3Proxy = S3ProxyExtension.builder()
            .withCredentials("access", "secret")
            .withBlobStoreProvider("transient")
            .build();

    private S3Client admin;
    private final List<Ufs> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(s3Proxy.getUri())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build();
        admin.createBucket(request -> request.bucket(BUCKET));
        assertThat(s3Proxy.getUri().getHost()).isEqualTo("127.0.0.1");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Ufs ufs : opened) {
            ufs.close();
        }
        admin.close();
    }

    private Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        options.put("s3a.accessKeyId", "access");
        options.put("s3a.secretKey", "secret");
        options.put("s3a.endpoint", s3Proxy.getUri().toString());
        options.put("s3a.pathStyleAccess", "true");
        options.put("s3a.region", "us-east-1");
        return options;
    }

    private Ufs open(String uri, Map<String, String> options) throws UfsException {
        Ufs ufs = new S3UfsFactory().create(URI.create(uri), options, () -> "/s3");
        opened.add(ufs);
        return ufs;
    }

    private Ufs open(String uri) throws UfsException {
        return open(uri, options());
    }

    private void put(String key, String content) {
        admin.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }

    @Test
    void testReachability() throws Exception {
        open("s3://" + BUCKET + "/").checkReachable();
        open("s3a://" + BUCKET + "/some/prefix/").checkReachable();

        assertFailure(
                () -> open("s3://no-such-bucket/").checkReachable(),
                UfsException.Kind.UNAVAILABLE,
                "Bucket no-such-bucket does not exist");

        Map<String, String> wrongKeys = options();
        wrongKeys.put("s3a.secretKey", "wrong");
        assertFailure(
                () -> open("s3://" + BUCKET + "/", wrongKeys).checkReachable(),
                UfsException.Kind.PERMISSION_DENIED,
                "is denied");

        Map<String, String> closedPort = options();
        closedPort.put("s3a.endpoint", "http://127.0.0.1:" + closedPort());
        assertFailure(
                () -> open("s3://" + BUCKET + "/", closedPort).checkReachable(),
                UfsException.Kind.UNAVAILABLE,
                "Cannot connect to http://127.0.0.1:");
    }

    @Test
    void testStatusOfObjectsAndPrefixes() throws Exception {
        put("data/a.csv", "0123456789");
        put("data/dir/inner.txt", "x");
        put("data/marker/", "");
        Ufs ufs = open("s3://" + BUCKET + "/data/");

        UfsStatus file = ufs.status("a.csv");
        assertThat(file.directory()).isFalse();
        assertThat(file.length()).isEqualTo(10);
        assertThat(file.lastModified()).isPresent();
        assertThat(file.fingerprint())
                .hasValueSatisfying(etag -> assertThat(etag).contains("781e5e245d69b566979b86e28d23f2c7"));

        assertThat(ufs.status("dir").directory()).isTrue();
        assertThat(ufs.status("marker").directory()).isTrue();
        assertThat(ufs.status("").directory()).isTrue();
        assertThat(ufs.exists("dir/inner.txt")).isTrue();
        assertThat(ufs.exists("nothing")).isFalse();
        assertFailure(
                () -> ufs.status("nothing"),
                UfsException.Kind.NOT_FOUND,
                "No such object or prefix: s3://strata-test/data/nothing");
        assertFailure(() -> ufs.status("../other"), UfsException.Kind.PERMISSION_DENIED, "Invalid path");
        assertFailure(() -> ufs.status("a//b"), UfsException.Kind.INVALID_ARGUMENT, "Invalid path");
    }

    @Test
    void testListingIsSortedAndPaged() throws Exception {
        for (String key : List.of("d/b.txt", "d/a.txt", "d/sub/x", "d/sub.txt", "d/c/", "d/Z", "d/é")) {
            put(key, "1");
        }
        Ufs ufs = open("s3://" + BUCKET + "/");
        UfsListing all = ufs.list("d", Optional.empty(), 100);
        assertThat(all.entries())
                .extracting(UfsStatus::name)
                .containsExactly("Z", "a.txt", "b.txt", "c", "sub", "sub.txt", "é");
        assertThat(all.entries()).extracting(UfsStatus::path).contains("d/sub", "d/a.txt");
        assertThat(all.entries())
                .filteredOn(UfsStatus::directory)
                .extracting(UfsStatus::name)
                .containsExactly("c", "sub");
        assertThat(all.nextMarker()).isEmpty();

        List<String> paged = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            UfsListing page = ufs.list("d", marker, 2);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(2);
            page.entries().forEach(entry -> paged.add(entry.name()));
            marker = page.nextMarker();
        } while (marker.isPresent());
        assertThat(new TreeSet<>(paged))
                .containsExactlyElementsOf(new TreeSet<>(List.of("Z", "a.txt", "b.txt", "c", "sub", "sub.txt", "é")));
        assertThat(paged).hasSize(7);

        assertThat(ufs.list("d/c", Optional.empty(), 10).entries()).isEmpty();
        assertFailure(() -> ufs.list("none", Optional.empty(), 10), UfsException.Kind.NOT_FOUND, "No such prefix");
        assertFailure(
                () -> ufs.list("d", Optional.empty(), 0),
                UfsException.Kind.INVALID_ARGUMENT,
                "limit must be between 1 and 10000");
    }

    @Test
    void testLargePrefixIsPaged() throws Exception {
        int count = 120;
        ExecutorService uploads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = String.format("big/f-%05d", i);
                done.add(uploads.submit(() -> put(key, "")));
            }
            for (Future<?> upload : done) {
                upload.get(60, TimeUnit.SECONDS);
            }
        } finally {
            uploads.shutdownNow();
        }
        Ufs ufs = open("s3://" + BUCKET + "/big/");
        List<String> names = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        int pages = 0;
        do {
            UfsListing page = ufs.list("", marker, 50);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(50);
            page.entries().forEach(entry -> names.add(entry.name()));
            marker = page.nextMarker();
            pages++;
        } while (marker.isPresent());
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(count).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void testRangedReads() throws Exception {
        put("r/digits", "0123456789");
        Ufs ufs = open("s3://" + BUCKET + "/r/");
        assertThat(read(ufs.read("digits", 0, Long.MAX_VALUE))).isEqualTo("0123456789");
        assertThat(read(ufs.read("digits", 3, 4))).isEqualTo("3456");
        assertThat(read(ufs.read("digits", 8, 100))).isEqualTo("89");
        assertThat(read(ufs.read("digits", 5, Long.MAX_VALUE))).isEqualTo("56789");
        assertThat(read(ufs.read("digits", 10, 5))).isEmpty();
        assertThat(read(ufs.read("digits", 2, 0))).isEmpty();
        assertFailure(() -> ufs.read("missing", 0, 10), UfsException.Kind.NOT_FOUND, "Not found");
        assertFailure(() -> ufs.read("missing", 0, 0), UfsException.Kind.NOT_FOUND, "No such object");
        assertFailure(() -> ufs.read("digits", -1, 1), UfsException.Kind.INVALID_ARGUMENT, "Invalid range");
    }

    @Test
    void testOptionsAreChecked() {
        Map<String, String> unknown = options();
        unknown.put("s3a.colour", "blue");
        assertFailure(
                () -> open("s3://b/", unknown),
                UfsException.Kind.INVALID_CONFIGURATION,
                "unknown option(s) s3a.colour");
        Map<String, String> half = options();
        half.remove("s3a.secretKey");
        assertFailure(() -> open("s3://b/", half), UfsException.Kind.INVALID_CONFIGURATION, "go together");
        Map<String, String> pathStyle = options();
        pathStyle.put("s3a.pathStyleAccess", "yes");
        assertFailure(
                () -> open("s3://b/", pathStyle), UfsException.Kind.INVALID_CONFIGURATION, "must be true or false");
        Map<String, String> endpoint = options();
        endpoint.put("s3a.endpoint", "ftp://host");
        assertFailure(
                () -> open("s3://b/", endpoint),
                UfsException.Kind.INVALID_CONFIGURATION,
                "must be http(s)://host[:port]");
        assertFailure(
                () -> open("hdfs://b/", options()),
                UfsException.Kind.INVALID_CONFIGURATION,
                "the scheme is not s3 or s3a");
        assertFailure(
                () -> open("s3:///path/", options()),
                UfsException.Kind.INVALID_CONFIGURATION,
                "write s3://<bucket>/<prefix>/");
        // a secret's value never shows in a message
        Map<String, String> secretAndBadOption = options();
        secretAndBadOption.put("s3a.secretKey", "SECRET-VALUE-42");
        secretAndBadOption.put("s3a.pathStyleAccess", "maybe");
        assertThat(assertFailureMessage(() -> open("s3://b/", secretAndBadOption)))
                .doesNotContain("SECRET-VALUE-42");
    }

    @Test
    void testWithoutKeysTheDefaultChainIsUsed() throws Exception {
        Map<String, String> noKeys = options();
        noKeys.remove("s3a.accessKeyId");
        noKeys.remove("s3a.secretKey");
        Ufs ufs = open("s3://" + BUCKET + "/", noKeys);
        // no credentials in this test JVM: refused with a message that says what to set (or, on a
        // machine with AWS credentials, refused by the server, which knows only its own keys)
        assertThatThrownBy(ufs::checkReachable)
                .isInstanceOf(UfsException.class)
                .extracting(e -> ((UfsException) e).kind())
                .isIn(UfsException.Kind.INVALID_CONFIGURATION, UfsException.Kind.PERMISSION_DENIED);
    }

    @Test
    void testClosedConnectorRefusesCalls() throws Exception {
        Ufs ufs = open("s3://" + BUCKET + "/");
        ufs.close();
        ufs.close();
        assertFailure(() -> ufs.status("x"), UfsException.Kind.UNAVAILABLE, "closed");
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

    private static String assertFailureMessage(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("no failure");
    }
}
