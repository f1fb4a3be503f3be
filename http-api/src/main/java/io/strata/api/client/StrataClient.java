package io.strata.api.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.api.v1.BundleInfo;
import io.strata.api.v1.BundleList;
import io.strata.api.v1.HealthResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

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

    /** GET of any JSON path, for commands that print the answer as it is. */
    public JsonNode getJson(String pathAndQuery) {
        return decode(send(request(pathAndQuery).GET(), Set.of(200)), JsonNode.class);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, Set<Integer> expected) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new StrataClientException("cannot connect to " + base + " (is the node running?)", e);
        } catch (IOException e) {
            throw new StrataClientException("request to " + base + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataClientException("interrupted", e);
        }
        if (!expected.contains(response.statusCode())) {
            throw new StrataClientException(response.statusCode(), errorMessage(response));
        }
        return response;
    }

    private static String errorMessage(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node != null && node.hasNonNull("status")) {
                return node.get("status").asText();
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw body
        }
        return body.isEmpty() ? "HTTP " + response.statusCode() : body;
    }

    private static <T> T decode(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the answer as " + type.getSimpleName(), e);
        }
    }
}
