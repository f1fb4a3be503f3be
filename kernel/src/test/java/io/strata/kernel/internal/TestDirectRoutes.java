package io.strata.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.Timer;
import io.strata.spi.http.DirectRoute;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;

/**
 * Direct routes in process: a request is offered to the route's non-blocking answer first (below
 * the servlet layer) and goes to its blocking one when declined; both are listed, timed, and
 * answer errors in the one error shape.
 */
final class TestDirectRoutes {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String TIMER = "strata.http.request{route=GET " + TestingDirectRoute.PATH + "}";

    @TempDir
    static Path home;

    private static TestingKernel node;
    private TestingDirectRoute route;
    private ServiceRegistration<DirectRoute> registration;

    @BeforeAll
    static void start() {
        node = TestingKernel.start(home, Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void register() {
        route = new TestingDirectRoute();
        registration = node.kernel().context().registerService(DirectRoute.class, route, null);
        Poll.await(
                TIMEOUT,
                "the direct route",
                () -> node.get(TestingDirectRoute.PATH + "?mode=slow").statusCode() == 200);
    }

    @AfterEach
    void unregister() {
        registration.unregister();
        Poll.await(
                TIMEOUT,
                "the direct route to go",
                () -> node.get(TestingDirectRoute.PATH).statusCode() == 404);
        assertThat(node.kernel().metrics().getTimers()).doesNotContainKey(TIMER);
        assertThat(node.get("/").body()).doesNotContain(TestingDirectRoute.PATH);
    }

    @Test
    void testNonBlockingAnswerAndBlockingFallback() {
        HttpResponse<String> fast = node.send(HttpRequest.newBuilder(node.uri(TestingDirectRoute.PATH + "?mode=fast"))
                .header("X-Testing", "yes"));
        assertThat(fast.statusCode()).isEqualTo(201);
        assertThat(fast.body()).isEqualTo("fast yes");
        assertThat(fast.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(route.nonBlocking.get()).isEqualTo(1);

        HttpResponse<String> slow = node.get(TestingDirectRoute.PATH + "?mode=slow");
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body()).isEqualTo("slow slow");
        assertThat(route.blocking.get()).isEqualTo(2); // the registration's poll, and this one
        assertThat(route.nonBlocking.get()).isEqualTo(1);

        Timer timer = node.kernel().metrics().getTimers().get(TIMER);
        assertThat(timer).isNotNull();
        // a request is timed once it ended on the server, which the client may see a moment before
        Poll.await(TIMEOUT, "the three requests to be timed", () -> timer.getCount() == 3);
        assertThat(node.get("/").body())
                .contains("\"" + TestingDirectRoute.PATH
                        + "\":\"mode=<fast|slow|stream|bad|bug|torn>&bytes=<n>. Answers" + " the testing way.\"");
    }

    @Test
    void testStreamsChunksInOrder() throws IOException {
        int length = 1_000_003;
        HttpResponse<byte[]> response = getBytes(TestingDirectRoute.PATH + "?mode=stream&bytes=" + length);
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = response.body();
        assertThat(body).hasSize(length);
        for (int i = 0; i < length; i++) {
            if (body[i] != (byte) (i % 251)) {
                throw new AssertionError("byte " + i + " is " + body[i]);
            }
        }
        Poll.await(TIMEOUT, "the source to be closed", () -> route.sourcesClosed.get() == 1);
    }

    @Test
    void testErrorsBeforeAnythingIsWrittenAreTheOneErrorBody() throws IOException {
        HttpResponse<String> bad = node.get(TestingDirectRoute.PATH + "?mode=bad");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"status\":\"bad is bad\"}");
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> bug = node.get(TestingDirectRoute.PATH + "?mode=bug");
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.body())
                .matches("\\{\"status\":\"Internal error, id [0-9a-f]+\"}")
                .doesNotContain("secret");

        HttpResponse<String> tornAtOnce = node.get(TestingDirectRoute.PATH + "?mode=torn&bytes=0");
        assertThat(tornAtOnce.statusCode()).isEqualTo(400);
        assertThat(tornAtOnce.body()).isEqualTo("{\"status\":\"torn at 0\"}");

        String malformed = rawGet(TestingDirectRoute.PATH + "?x=1&mode=%zz");
        assertThat(malformed).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n{\"status\":\"Malformed query string\"}");
        HttpResponse<String> encoded = node.get(TestingDirectRoute.PATH + "?modes=x&mode=f%61st&mode=slow");
        assertThat(encoded.body()).isEqualTo("fast null");
        Poll.await(TIMEOUT, "the sources to be closed", () -> route.sourcesClosed.get() == 1);
    }

    @Test
    void testFailureAfterTheFirstChunkCutsTheBody() {
        assertThatThrownBy(() -> getBytes(TestingDirectRoute.PATH + "?mode=torn&bytes=65536"))
                .isInstanceOf(IOException.class);
        Poll.await(TIMEOUT, "the source to be closed", () -> route.sourcesClosed.get() == 1);
        // the node goes on serving
        assertThat(node.get(TestingDirectRoute.PATH + "?mode=fast").body()).isEqualTo("fast null");
    }

    @Test
    void testOtherMethodsAre405WithAllow() {
        HttpResponse<String> post = node.send(HttpRequest.newBuilder(node.uri(TestingDirectRoute.PATH + "?mode=fast"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(post.body()).isEqualTo("{\"status\":\"Method not allowed on " + TestingDirectRoute.PATH + "\"}");
        assertThat(route.nonBlocking.get()).isZero();
    }

    /** A GET sent as written (the JDK client refuses malformed URIs), answered in full. */
    private static String rawGet(String pathAndQuery) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", node.uri("/").getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<byte[]> getBytes(String pathAndQuery) throws IOException {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(node.uri(pathAndQuery))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
