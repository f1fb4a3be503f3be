package io.strata.api.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.api.v1.BundleInfo;
import io.strata.api.v1.BundleList;
import io.strata.api.v1.HealthResponse;
import io.strata.api.v1.introspection.ConfigInfo;
import io.strata.api.v1.introspection.MetricsResponse;
import io.strata.api.v1.introspection.UpdateConfigResponse;
import io.strata.api.v1.mount.FileInfo;
import io.strata.api.v1.mount.FileList;
import io.strata.api.v1.mount.MountInfo;
import io.strata.api.v1.mount.MountList;
import io.strata.api.v1.mount.MountRequest;
import io.strata.api.v1.mount.UnmountRequest;
import io.strata.api.v1.nodes.CacheOutcome;
import io.strata.api.v1.nodes.WorkerNode;
import io.strata.api.v1.nodes.WorkerNodeList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Typed client of a Strata node's HTTP API over {@link java.net.http}. Every method either returns
 * the decoded answer or throws {@link StrataClientException} carrying the server's message.
 */
public final class StrataClient {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;

    public StrataClient(URI base, Optional<String> token) {
        this.base = requireNonNull(base, "base is null");
        this.token = requireNonNull(token, "token is null").filter(value -> !value.isEmpty());
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI base() {
        return base;
    }

    /** The node's health; a 503 answer is returned as an unhealthy report, not thrown. */
    public HealthResponse health() {
        return decode(send(request("/api/v1/health").GET(), Set.of(200, 503)), HealthResponse.class);
    }

    public BundleList bundles() {
        return decode(send(request("/api/v1/bundles").GET(), Set.of(200)), BundleList.class);
    }

    public BundleInfo installBundle(Path jar, boolean update) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(jar);
        } catch (IOException e) {
            throw new StrataClientException("cannot read " + jar + ": " + e.getMessage(), e);
        }
        HttpRequest.Builder request = request("/api/v1/bundles" + (update ? "?update=true" : ""))
                .header("Content-Type", "application/java-archive")
                .POST(body);
        return decode(send(request, Set.of(200, 201)), BundleInfo.class);
    }

    public void removeBundle(String symbolicName) {
        send(request("/api/v1/bundles?name=" + encode(symbolicName)).DELETE(), Set.of(200));
    }

    /** {@code GET /config?name=}: one configuration key with its value in force. */
    public ConfigInfo config(String name) {
        return decode(send(request("/config?name=" + encode(name)).GET(), Set.of(200)), ConfigInfo.class);
    }

    /** {@code GET /configs}: every key of the node, sorted by name. */
    public SortedMap<String, ConfigInfo> configs() {
        HttpResponse<byte[]> response = send(request("/configs").GET(), Set.of(200));
        try {
            return new TreeMap<>(MAPPER.readValue(response.body(), new TypeReference<Map<String, ConfigInfo>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the answer of /configs", e);
        }
    }

    /**
     * {@code POST /updateConfig?<name>=<value>}: changes a mutable key until the node restarts.
     * A refusal is thrown with the server's {@code update_status} as its message.
     */
    public UpdateConfigResponse updateConfig(String name, String value) {
        HttpRequest.Builder request = request("/updateConfig?" + encode(name) + "=" + encode(value))
                .POST(HttpRequest.BodyPublishers.noBody());
        return decode(send(request, Set.of(200)), UpdateConfigResponse.class);
    }

    /** {@code GET /metrics} with the reference's filters ({@code types}, {@code ids}, {@code detail}, ...). */
    public MetricsResponse metrics(Map<String, String> query) {
        return decode(send(request("/metrics" + queryString(query)).GET(), Set.of(200)), MetricsResponse.class);
    }

    /** {@code GET /metrics?format=prometheus} with the same filters: Prometheus text exposition. */
    public String prometheusMetrics(Map<String, String> query) {
        Map<String, String> withFormat = new LinkedHashMap<>(query);
        withFormat.put("format", "prometheus");
        HttpRequest.Builder request = request("/metrics" + queryString(withFormat))
                .setHeader("Accept", "text/plain")
                .GET();
        return new String(send(request, Set.of(200)).body(), StandardCharsets.UTF_8);
    }

    /**
     * A pprof profile ({@code profile}, {@code heap} or {@code growth} under {@code /pprof/}), as
     * gzipped protobuf; {@code seconds} is the window to record, empty for the server's default.
     */
    public byte[] pprof(String kind, Optional<Integer> seconds) {
        String path =
                "/pprof/" + kind + seconds.map(value -> "?seconds=" + value).orElse("");
        Duration timeout = REQUEST_TIMEOUT.plusSeconds(seconds.orElse(0));
        HttpRequest.Builder request = request(path)
                .timeout(timeout)
                .setHeader("Accept", "application/octet-stream")
                .GET();
        return send(request, Set.of(200)).body();
    }

    /** {@code GET /api/v1/mount}: every mount point, sorted by path; secret options read {@code ******}. */
    public MountList mounts() {
        return decode(send(request("/api/v1/mount").GET(), Set.of(200)), MountList.class);
    }

    /** {@code GET /api/v1/mount?path=}: the mount point at {@code path}. */
    public MountInfo mount(String path) {
        return decode(send(request("/api/v1/mount?path=" + encode(path)).GET(), Set.of(200)), MountInfo.class);
    }

    /** {@code POST /api/v1/mount}: mounts a UFS after the node has checked that it is reachable. */
    public void addMount(MountRequest mount) {
        send(request("/api/v1/mount").header("Content-Type", "application/json").POST(json(mount)), Set.of(200));
    }

    /** {@code DELETE /api/v1/mount}: removes the mount point at {@code path}. */
    public void removeMount(String path) {
        HttpRequest.Builder request = request("/api/v1/mount")
                .header("Content-Type", "application/json")
                .method("DELETE", json(new UnmountRequest(path)));
        send(request, Set.of(200));
    }

    /** {@code GET /api/v1/fs/status?path=}: a file or directory seen through its mount. */
    public FileInfo fileStatus(String path) {
        return decode(send(request("/api/v1/fs/status?path=" + encode(path)).GET(), Set.of(200)), FileInfo.class);
    }

    /** {@code GET /api/v1/fs/list}: one page of a directory; pass the page's {@code nextMarker} for the next. */
    public FileList listFiles(String path, Optional<Integer> limit, Optional<String> marker) {
        String query = "/api/v1/fs/list?path=" + encode(path)
                + limit.map(value -> "&limit=" + value).orElse("")
                + marker.map(value -> "&marker=" + encode(value)).orElse("");
        return decode(send(request(query).GET(), Set.of(200)), FileList.class);
    }

    /** {@code GET /api/v1/nodes}: every registered worker, sorted by identity. */
    public WorkerNodeList nodes() {
        return decode(send(request("/api/v1/nodes").GET(), Set.of(200)), WorkerNodeList.class);
    }

    /** {@code GET /api/v1/nodes?id=}: one registered worker. */
    public WorkerNode node(String identity) {
        return decode(send(request("/api/v1/nodes?id=" + encode(identity)).GET(), Set.of(200)), WorkerNode.class);
    }

    /** {@code DELETE /api/v1/nodes?id=}: unregisters an OFFLINE worker. */
    public void removeNode(String identity) {
        send(request("/api/v1/nodes?id=" + encode(identity)).DELETE(), Set.of(200));
    }

    /**
     * Reads a file through {@code GET /api/v1/file}, following the redirect to the worker that owns
     * it: the whole file, or {@code length} bytes from {@code offset} (to the end when empty).
     */
    public FileRead readFile(String path, long offset, Optional<Long> length) {
        if (offset < 0 || length.filter(value -> value < 1).isPresent()) {
            throw new IllegalArgumentException("offset must be >= 0 and length >= 1");
        }
        URI uri = base.resolve("/api/v1/file?path=" + encode(path));
        String range = offset == 0 && length.isEmpty()
                ? null
                : "bytes=" + offset + "-"
                        + length.map(value -> String.valueOf(offset + value - 1))
                                .orElse("");
        for (int hop = 0; hop < 4; hop++) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
            if (range != null) {
                request.header("Range", range);
            }
            HttpResponse<InputStream> response =
                    exchange(request.build(), HttpResponse.BodyHandlers.ofInputStream(), uri);
            int status = response.statusCode();
            if (status == 307 || status == 302 || status == 303) {
                closeQuietly(response.body());
                uri = uri.resolve(response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new StrataClientException(status, "redirect without a Location")));
                continue;
            }
            if (status != 200 && status != 206) {
                String message;
                try (InputStream body = response.body()) {
                    message = errorMessage(status, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    message = "HTTP " + status;
                }
                throw new StrataClientException(status, message);
            }
            HttpHeaders headers = response.headers();
            return new FileRead(
                    uri,
                    headers.firstValueAsLong("Content-Length").orElse(-1),
                    headers.firstValue("Content-Range"),
                    headers.firstValue("ETag"),
                    headers.firstValue(CacheOutcome.HEADER).map(CacheOutcome::valueOf),
                    response.body());
        }
        throw new StrataClientException(0, "too many redirects reading " + path);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing to release
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the request body", e);
        }
    }

    /** GET of any JSON path, for commands that print the answer as it is. */
    public JsonNode getJson(String pathAndQuery) {
        return decode(send(request(pathAndQuery).GET(), Set.of(200)), JsonNode.class);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, Set<Integer> expected) {
        HttpResponse<byte[]> response = exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray(), base);
        if (!expected.contains(response.statusCode())) {
            throw new StrataClientException(response.statusCode(), errorMessage(response));
        }
        return response;
    }

    /** One request, its failures to connect or to complete told in terms of {@code target}. */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body, URI target) {
        try {
            return http.send(request, body);
        } catch (ConnectException e) {
            throw new StrataClientException("cannot connect to " + target + " (is the node running?)", e);
        } catch (IOException e) {
            throw new StrataClientException("request to " + target + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataClientException("interrupted", e);
        }
    }

    private static String errorMessage(HttpResponse<byte[]> response) {
        return errorMessage(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private static String errorMessage(int statusCode, String text) {
        String body = text.strip();
        try {
            JsonNode node = MAPPER.readTree(body);
            // {"status"} is the general error shape; /updateConfig and /metrics answer with the reference's
            for (String field : new String[] {"status", "update_status", "error_message"}) {
                if (node != null && node.hasNonNull(field)) {
                    return node.get(field).asText();
                }
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw body
        }
        return body.isEmpty() ? "HTTP " + statusCode : body;
    }

    private static <T> T decode(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the answer as " + type.getSimpleName(), e);
        }
    }
}
