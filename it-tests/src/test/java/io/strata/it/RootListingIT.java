package io.strata.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.HealthResponse;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /}, the health call and the JSON 404 of a fresh node (with the bundles the tarball ships). */
final class RootListingIT {
    private static StrataProcess node;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(RootListingIT.class);
        node.start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testRootListsKernelCalls() {
        HttpResponse<String> response = node.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, String> listing = new LinkedHashMap<>();
        Json.parse(response.body())
                .fields()
                .forEachRemaining(
                        field -> listing.put(field.getKey(), field.getValue().asText()));

        assertThat(List.copyOf(listing.keySet()))
                .as("sorted by path")
                .isSorted()
                .contains("/", "/api/v1/bundles", "/api/v1/health");
        assertThat(listing).containsEntry("/", "List all supported calls.");
        assertThat(listing.get("/api/v1/health")).startsWith("Health of this node");
        // one path, three methods: each one's description is there
        assertThat(listing.get("/api/v1/bundles")).contains("GET: List every bundle", "POST: ", "DELETE: ");
        assertThat(listing)
                .allSatisfy(
                        (path, description) -> assertThat(description).as(path).isNotBlank());
    }

    @Test
    void testRootListsExactlyTheServedRoutes() {
        Set<String> listed = new TreeSet<>();
        Json.parse(node.get("/").body()).fieldNames().forEachRemaining(listed::add);
        // every bundle reports the routes it publishes ("GET /api/v1/health"); the kernel's are the system bundle's
        Set<String> published = node.client().bundles().bundles().stream()
                .flatMap(bundle -> bundle.routes().stream())
                .map(route -> route.substring(route.indexOf(' ') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(published);
        assertThat(node.client().bundles().bundles())
                .filteredOn(bundle -> bundle.symbolicName().equals("system.bundle"))
                .singleElement()
                .satisfies(system -> assertThat(system.routes())
                        .contains(
                                "DELETE /api/v1/bundles",
                                "GET /",
                                "GET /api/v1/bundles",
                                "GET /api/v1/health",
                                "POST /api/v1/bundles"));
    }

    @Test
    void testHealthIsOk() {
        HttpResponse<String> raw = node.get("/api/v1/health");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/json");

        HealthResponse health = node.client().health();
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.checks())
                .containsEntry("http", "ok")
                .containsEntry("startup", "ok")
                .containsEntry("zookeeper", "ok")
                .containsEntry("bundles", "ok");
        assertThat(health.checks().values()).containsOnly("ok");
    }

    @Test
    void testUnknownPathIsJson404() {
        for (String path : new String[] {"/x", "/api/v1/nothing/here"}) {
            HttpResponse<String> response = node.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(response.body()).isEqualTo("{\"status\":\"No such path: " + path + "\"}");
        }
    }
}
