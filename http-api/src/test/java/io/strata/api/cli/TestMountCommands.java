package io.strata.api.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mount and fs commands against a stand-in node that records requests and answers canned JSON. */
final class TestMountCommands {
    private record Seen(String method, String uri, String body) {}

    private record Answer(int status, String body) {}

    private HttpServer server;
    private final List<Seen> seen = new ArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        synchronized (seen) {
            seen.add(new Seen(
                    exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
        }
        Answer answer = answers.getOrDefault(key, new Answer(404, "{\"status\":\"no answer for " + key + "\"}"));
        byte[] bytes = answer.body().getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> line = new ArrayList<>(
                List.of("--url", "http://127.0.0.1:" + server.getAddress().getPort()));
        line.addAll(List.of(args));
        int code =
                StrataCli.execute(line.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void testMountList() {
        answers.put(
                "GET /api/v1/mount",
                new Answer(
                        200,
                        "{\"results\":[{\"path\":\"/data/\",\"ufs\":\"s3://b/\",\"options\":{\"s3a.secretKey\":\"******\"}},"
                                + "{\"path\":\"/logs/\",\"ufs\":\"file:///var/log/\"}]}"));
        String[] result = run("mount", "list");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("/data/").contains("s3://b/").contains("s3a.secretKey=******");
        assertThat(result[1]).contains("/logs/").contains("file:///var/log/");
    }

    @Test
    void testMountAddAndRemoveSendTheReferenceBodies() {
        answers.put("POST /api/v1/mount", new Answer(200, "{\"status\":\"ok\"}"));
        answers.put("DELETE /api/v1/mount", new Answer(200, "{\"status\":\"ok\"}"));
        assertThat(run("mount", "add", "/data", "s3://bucket", "-o", "s3a.region=eu", "-o", "a=b")[0])
                .isEqualTo("0");
        assertThat(run("mount", "remove", "/data")[0]).isEqualTo("0");
        assertThat(seen)
                .containsExactly(
                        new Seen(
                                "POST",
                                "/api/v1/mount",
                                "{\"path\":\"/data\",\"ufs\":\"s3://bucket\",\"options\":{\"s3a.region\":\"eu\",\"a\":\"b\"}}"),
                        new Seen("DELETE", "/api/v1/mount", "{\"path\":\"/data\"}"));
    }

    @Test
    void testErrorsPrintTheServerMessage() {
        answers.put("POST /api/v1/mount", new Answer(409, "{\"status\":\"Path /data is already mounted\"}"));
        String[] result = run("mount", "add", "/data", "s3://bucket");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("error: Path /data is already mounted (HTTP 409)");
    }

    @Test
    void testFsLsFollowsPagesWithAll() {
        answers.put(
                "GET /api/v1/fs/list?path=%2Fdata&limit=1",
                new Answer(
                        200,
                        "{\"path\":\"/data\",\"results\":[{\"path\":\"/data/a\",\"ufs\":\"file:///x/a\",\"directory\":false,"
                                + "\"length\":3,\"lastModifiedMs\":0}],\"nextMarker\":\"a\"}"));
        answers.put(
                "GET /api/v1/fs/list?path=%2Fdata&limit=1&marker=a",
                new Answer(
                        200,
                        "{\"path\":\"/data\",\"results\":[{\"path\":\"/data/b\",\"ufs\":\"file:///x/b\",\"directory\":true,"
                                + "\"length\":0}]}"));
        String[] one = run("fs", "ls", "/data", "--limit", "1");
        assertThat(one[1]).contains("/data/a").doesNotContain("/data/b").contains("more entries follow: --marker a");
        String[] all = run("fs", "ls", "/data", "--limit", "1", "--all");
        assertThat(all[0]).isEqualTo("0");
        assertThat(all[1]).contains("/data/a").contains("/data/b").doesNotContain("more entries follow");
    }

    @Test
    void testFsStat() {
        answers.put(
                "GET /api/v1/fs/status?path=%2Fdata%2Fa",
                new Answer(
                        200,
                        "{\"path\":\"/data/a\",\"ufs\":\"s3://b/a\",\"directory\":false,\"length\":3,"
                                + "\"lastModifiedMs\":1000,\"fingerprint\":\"\\\"etag\\\"\"}"));
        String[] result = run("fs", "stat", "/data/a");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("s3://b/a")
                .contains("length        3")
                .contains("1970-01-01T00:00:01Z")
                .contains("\"etag\"");
    }
}
