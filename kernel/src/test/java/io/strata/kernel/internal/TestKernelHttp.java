package io.strata.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Timer;
import com.codahale.metrics.health.HealthCheck;
import io.strata.kernel.internal.api.HealthService;
import io.strata.spi.http.Resources;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/** The kernel's HTTP surface, in process: root listing, whiteboard dynamics, the one error policy. */
final class TestKernelHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path home;

    private static TestingKernel node;

    @BeforeAll
    static void start() {
        node = TestingKernel.start(home, Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void testRootListsKernelCallsSorted() {
        HttpResponse<String> response = node.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body())
                .startsWith("{\"/\":\"List all supported calls.\",\"/api/v1/bundles\":")
                .contains("\"/api/v1/health\":\"Health of this node");
    }

    @Test
    void testHealthIsOk() {
        HttpResponse<String> response = node.get("/api/v1/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo(
                        "{\"status\":\"ok\",\"checks\":{\"bundles\":\"ok\",\"http\":\"ok\",\"startup\":\"ok\",\"zookeeper\":\"ok\"}}");
    }

    /**
     * A bundle's health check joins the checks by its name: a healthy result with a message reads
     * {@code ok: <message>} and keeps the node healthy; an unhealthy one makes it 503.
     */
    @Test
    void testBundleHealthChecks() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HealthService.NAME_PROPERTY, "testing");
        ServiceRegistration<HealthCheck> note = node.kernel()
                .context()
                .registerService(
                        HealthCheck.class,
                        new HealthCheck() {
                            @Override
                            protected Result check() {
                                return Result.healthy("something to know");
                            }
                        },
                        properties);
        try {
            HttpResponse<String> response = node.get("/api/v1/health");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .isEqualTo("{\"status\":\"ok\",\"checks\":{\"bundles\":\"ok\",\"http\":\"ok\",\"startup\":\"ok\","
                            + "\"testing\":\"ok: something to know\",\"zookeeper\":\"ok\"}}");
        } finally {
            note.unregister();
        }
        ServiceRegistration<HealthCheck> broken = node.kernel()
                .context()
                .registerService(
                        HealthCheck.class,
                        new HealthCheck() {
                            @Override
                            protected Result check() {
                                return Result.unhealthy("it is broken");
                            }
                        },
                        properties);
        try {
            HttpResponse<String> response = node.get("/api/v1/health");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"status\":\"unhealthy\"", "\"testing\":\"it is broken\"");
        } finally {
            broken.unregister();
        }
        assertThat(node.get("/api/v1/health").statusCode()).isEqualTo(200);
    }

    /**
     * A health check is held, not fetched and released per probe: for a delayed DS component that
     * would mean activating and deactivating it on every request.
     */
    @Test
    void testHealthChecksAreHeldAcrossProbes() {
        AtomicInteger created = new AtomicInteger();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HealthService.NAME_PROPERTY, "held");
        ServiceRegistration<?> registration = node.kernel()
                .context()
                .registerService(
                        HealthCheck.class.getName(),
                        new ServiceFactory<HealthCheck>() {
                            @Override
                            public HealthCheck getService(Bundle bundle, ServiceRegistration<HealthCheck> reg) {
                                created.incrementAndGet();
                                return new HealthCheck() {
                                    @Override
                                    protected Result check() {
                                        return Result.healthy();
                                    }
                                };
                            }

                            @Override
                            public void ungetService(
                                    Bundle bundle, ServiceRegistration<HealthCheck> reg, HealthCheck service) {}
                        },
                        properties);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(node.get("/api/v1/health").body()).contains("\"held\":\"ok\"");
            }
            assertThat(created.get()).isEqualTo(1);
        } finally {
            registration.unregister();
        }
    }

    @Test
    void testUnknownPathIsJson404() {
        HttpResponse<String> response = node.get("/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"status\":\"No such path: /no/such/thing\"}");
    }

    @Test
    void testWrongMethodIsJson405() {
        HttpResponse<String> response =
                node.send(HttpRequest.newBuilder(node.uri("/api/v1/health")).DELETE());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo("{\"status\":\"Method not allowed on /api/v1/health\"}");
    }

    @Test
    void testResourceServiceComesAndGoesWithItsRouteAndTimer() {
        ServiceRegistration<?> registration = register(new TestingResource());
        try {
            Poll.await(
                    TIMEOUT,
                    "the testing route",
                    () -> node.get("/api/v1/testing").statusCode() == 200);
            assertThat(node.get("/").body())
                    .contains("\"/api/v1/testing\":\"mode=<fast|slow>&limit=<n>. Answers its parameters.\"");
            Timer timer = node.kernel().metrics().getTimers().get("strata.http.request{route=GET /api/v1/testing}");
            assertThat(timer).isNotNull();
            assertThat(timer.getCount()).isPositive();
        } finally {
            unregister(registration, "/api/v1/testing");
        }
        assertThat(node.get("/").body()).doesNotContain("/api/v1/testing");
        assertThat(node.kernel().metrics().getTimers())
                .doesNotContainKey("strata.http.request{route=GET /api/v1/testing}");
    }

    @Test
    void testErrorPolicy() {
        ServiceRegistration<?> registration = register(new TestingResource());
        try {
            Poll.await(
                    TIMEOUT,
                    "the testing route",
                    () -> node.get("/api/v1/testing").statusCode() == 200);
            assertThat(node.get("/api/v1/testing?mode=Slow&limit=3").body())
                    .isEqualTo("{\"name\":\"get\",\"count\":3,\"mode\":\"SLOW\",\"tags\":[]}");
            assertError(
                    node.get("/api/v1/testing?mode=warp"), 400, "{\"status\":\"mode must be one of [fast, slow]\"}");
            assertError(
                    node.get("/api/v1/testing?limit=many"),
                    400,
                    "{\"status\":\"Invalid value for query parameter 'limit'\"}");
            assertError(node.get("/api/v1/testing/missing"), 404, "{\"status\":\"No testing thing here\"}");

            HttpResponse<String> bug = node.get("/api/v1/testing/bug");
            assertThat(bug.statusCode()).isEqualTo(500);
            assertThat(bug.body())
                    .matches("\\{\"status\":\"Internal error, id [0-9a-f]+\"}")
                    .doesNotContain("secret")
                    .doesNotContain("Exception");

            assertError(post("{\"name\": \"x\", \"count\": 1"), 400, null);
            assertThat(post("{\"name\": \"x\", \"count\": 1").body()).startsWith("{\"status\":\"Malformed JSON: ");
            assertError(
                    post("{\"name\": \"x\", \"count\": \"lots\"}"),
                    400,
                    "{\"status\":\"Invalid value for field 'count'\"}");
            assertError(
                    post("{\"name\": \"x\", \"mode\": \"WARP\"}"),
                    400,
                    "{\"status\":\"Invalid value for field 'mode'\"}");
            assertError(
                    post("{\"name\": \"x\", \"tags\": [\"a\", {}]}"),
                    400,
                    "{\"status\":\"Invalid value for field 'tags[1]'\"}");
            assertError(post(""), 400, "{\"status\":\"Request body is required\"}");
            HttpResponse<String> unknownFields = post("{\"name\": \"x\", \"count\": 2, \"extra\": true}");
            assertThat(unknownFields.statusCode()).isEqualTo(200);
            assertThat(unknownFields.body()).isEqualTo("{\"name\":\"x\",\"count\":2,\"mode\":null,\"tags\":null}");
        } finally {
            unregister(registration, "/api/v1/testing");
        }
    }

    @Test
    void testMetaServiceEnvelope() {
        ServiceRegistration<?> registration = register(new TestingEnvelopeResource());
        try {
            Poll.await(
                    TIMEOUT,
                    "the envelope route",
                    () -> node.get("/TestingService/ok").statusCode() == 200);
            assertThat(node.get("/TestingService/ok").body())
                    .isEqualTo("{\n    \"code\": \"OK\",\n    \"msg\": \"\",\n    \"result\": {}\n}\n");
            assertError(
                    node.get("/TestingService/nope"),
                    400,
                    "{\n    \"code\": \"INVALID_ARGUMENT\",\n    \"msg\": \"unknown call nope\"\n}\n");
            assertError(
                    node.get("/TestingService/exists"),
                    409,
                    "{\n    \"code\": \"ALREADY_EXISTED\",\n    \"msg\": \"cluster already exists\"\n}\n");
            HttpResponse<String> denied = node.get("/TestingService/denied");
            assertError(denied, 403, "token is invalid\n");
            assertThat(denied.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        } finally {
            unregister(registration, "/TestingService/ok");
        }
    }

    @Test
    void testAmbiguousResourceIsRejectedAndTheRestKeepsServing() {
        ServiceRegistration<?> first = register(new TestingResource());
        try {
            Poll.await(
                    TIMEOUT,
                    "the testing route",
                    () -> node.get("/api/v1/testing").statusCode() == 200);
            ServiceRegistration<?> clash = register(new ClashingResource());
            try {
                Poll.await(
                        TIMEOUT,
                        "the rejection",
                        () -> node.get("/api/v1/bundles").body().contains("HTTP resources rejected"));
                assertThat(node.get("/api/v1/testing").statusCode()).isEqualTo(200);
                assertThat(node.get("/api/v1/health").statusCode()).isEqualTo(503);
            } finally {
                clash.unregister();
            }
            Poll.await(TIMEOUT, "recovery", () -> node.get("/api/v1/health").statusCode() == 200);
            assertThat(node.get("/api/v1/testing").statusCode()).isEqualTo(200);
        } finally {
            unregister(first, "/api/v1/testing");
        }
    }

    /** Same path and method as {@link TestingResource#get}: Jersey refuses such a model. */
    @jakarta.ws.rs.Path("/api/v1/testing")
    public static final class ClashingResource {
        @jakarta.ws.rs.GET
        @jakarta.ws.rs.Produces("application/json")
        public String clash() {
            return "{}";
        }
    }

    private static HttpResponse<String> post(String body) {
        return node.send(HttpRequest.newBuilder(node.uri("/api/v1/testing/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertError(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (body != null) {
            assertThat(response.body()).isEqualTo(body);
        }
    }

    private static ServiceRegistration<?> register(Object resource) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Resources.RESOURCE, true);
        return node.kernel().context().registerService(resource.getClass().getName(), resource, properties);
    }

    /** Unregisters and waits until the route is gone and the node is healthy, so tests never see each other's resources. */
    private static void unregister(ServiceRegistration<?> registration, String path) {
        registration.unregister();
        Poll.await(
                TIMEOUT,
                path + " to go",
                () -> node.get(path).statusCode() == 404
                        && node.get("/api/v1/health").statusCode() == 200);
    }
}
