package io.strata.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.it.StrataProcess.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The introspection bundle the tarball ships, black box: the root listing, config reads and live
 * updates, metrics with filters and as Prometheus text (checked by {@code promtool}), pprof
 * profiles (read by {@code go tool pprof}), one profile at a time, the admin token, the CLI, and
 * uninstalling and reinstalling the bundle at runtime.
 */
final class IntrospectionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BUNDLE = "io.strata.introspection";
    private static final List<String> ROUTES = List.of(
            "/config",
            "/configs",
            "/metrics",
            "/pprof/cmdline",
            "/pprof/growth",
            "/pprof/heap",
            "/pprof/profile",
            "/pprof/symbol",
            "/recentStartTime",
            "/updateConfig",
            "/version");

    private static StrataProcess node;

    @BeforeAll
    static void startNode() {
        node = StrataProcess.install(IntrospectionIT.class);
        node.start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private static Map<String, String> listing(StrataProcess on) {
        Map<String, String> listing = new LinkedHashMap<>();
        Json.parse(on.get("/").body())
                .fields()
                .forEachRemaining(
                        field -> listing.put(field.getKey(), field.getValue().asText()));
        return listing;
    }

    @Test
    void testEveryRouteIsListedWithTheReferenceDescription() {
        Map<String, String> listing = listing(node);
        assertThat(listing).containsKeys(ROUTES.toArray(String[]::new));
        assertThat(listing)
                .containsEntry("/config", "name=<config_name>. Gets the details of a specified config.")
                .containsEntry("/configs", "List all configs.")
                .containsEntry("/version", "Get the server version.")
                .containsEntry("/recentStartTime", "Get the server start time.")
                .containsEntry("/pprof/cmdline", "Query the process' cmdline.")
                .containsEntry(
                        "/pprof/profile",
                        "[seconds=<cpu_profile_seconds>]. Query the CPU profile. 'seconds' is 60 if not specified.")
                .containsEntry(
                        "/pprof/symbol",
                        "[symbol_address]. Query the process' symbols. Return the symbol count of the process if using GET, "
                                + "return the symbol of the 'symbol_address' if using POST.");
        assertThat(listing.get("/updateConfig")).startsWith("<key>=<new_value>. Update the config to the new value");
        assertThat(listing.get("/metrics"))
                .startsWith("[with_metric_fields=field1,field2,...][&types=type1,type2,...]")
                .endsWith("Query the node metrics.");
        assertThat(node.client().bundles().bundles())
                .filteredOn(bundle -> bundle.symbolicName().equals(BUNDLE))
                .singleElement()
                .satisfies(bundle -> assertThat(bundle.state()).isEqualTo("ACTIVE"));
    }

    @Test
    void testVersionAndStartTime() {
        HttpResponse<String> version = node.get("/version");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(version.body())
                .matches("\\{\"Version\":\"0\\.1\\.0-SNAPSHOT\",\"GitCommit\":\"(?:[0-9a-f]{40}|unknown)\"}");
        assertThat(node.get("/recentStartTime").body())
                .matches("\\{\"RecentStartTime\":\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\"}");
    }

    @Test
    void testConfigReads() {
        assertThat(node.get("/config?name=strata.http.port").body())
                .isEqualTo("{\"name\":\"strata.http.port\",\"section\":\"http\",\"type\":\"FV_INT32\","
                        + "\"tags\":\"\",\"description\":\"Port of the HTTP server (all APIs of this node); 0 picks a free port.\",\"value\":\""
                        + node.uri("/").getPort() + "\"}");
        assertStatus(node.get("/config"), 400, "{\"status\":\"name shouldn't be empty\"}");
        assertStatus(node.get("/config?name=strata.nope"), 404, "{\"status\":\"'strata.nope' is not found\"}");

        JsonNode configs = Json.parse(node.get("/configs").body());
        List<String> names = new ArrayList<>();
        configs.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .isSorted()
                .contains(
                        "strata.http.port",
                        "strata.log.level",
                        "strata.introspection.pprof.max.seconds",
                        "strata.introspection.pprof.heap.sampling.enabled");
        assertThat(configs.get("strata.log.level").get("tags").asText()).isEqualTo("flag_tag::FT_MUTABLE");
        assertThat(configs.get("strata.introspection.pprof.max.seconds")
                        .get("value")
                        .asText())
                .isEqualTo("300");
    }

    @Test
    void testUpdateConfigChangesAKernelKeyLive() {
        assertStatus(node.get("/updateConfig?strata.log.level=DEBUG"), 200, "{\"update_status\":\"ERR_OK\"}");
        assertThat(Json.parse(node.get("/config?name=strata.log.level").body())
                        .get("value")
                        .asText())
                .isEqualTo("DEBUG");
        // the root logger follows at once: the node now writes DEBUG lines
        Poll.await(TIMEOUT, "DEBUG lines in the log", () -> node.log().contains(" DEBUG "));
        HttpResponse<String> post = node.send(node.request("/updateConfig?strata.log.level=INFO")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertStatus(post, 200, "{\"update_status\":\"ERR_OK\"}");
        assertThat(Json.parse(node.get("/config?name=strata.log.level").body())
                        .get("value")
                        .asText())
                .isEqualTo("INFO");
    }

    @Test
    void testUpdateConfigRefusals() {
        assertStatus(
                node.get("/updateConfig?strata.http.port=9000"),
                400,
                "{\"update_status\":\"ERR_INVALID_PARAMETERS: strata.http.port is not mutable\"}");
        assertStatus(
                node.get("/updateConfig?strata.log.level=LOUD"),
                400,
                "{\"update_status\":\"ERR_INVALID_PARAMETERS: Invalid value 'LOUD' for "
                        + "strata.log.level: expected one of [TRACE, DEBUG, INFO, WARN, ERROR]\"}");
        assertStatus(
                node.get("/updateConfig?strata.nope=1"),
                404,
                "{\"update_status\":\"ERR_OBJECT_NOT_FOUND: strata.nope is not found\"}");
        assertStatus(
                node.get("/updateConfig?strata.log.level=INFO&strata.log.level=WARN"),
                400,
                "{\"update_status\":\"ERR_INVALID_PARAMETERS: there should be exactly one config to be updated once\"}");
        assertStatus(
                node.get("/updateConfig"),
                400,
                "{\"update_status\":\"ERR_INVALID_PARAMETERS: there should be exactly one config to be updated once\"}");
        assertStatus(
                node.get("/updateConfig?strata.introspection.pprof.max.seconds=zero"),
                400,
                "{\"update_status\":\"ERR_INVALID_PARAMETERS: Invalid value 'zero' for strata.introspection.pprof.max.seconds: expected an integer\"}");
        assertThat(Json.parse(node.get("/config?name=strata.http.port").body())
                        .get("value")
                        .asText())
                .isEqualTo(String.valueOf(node.uri("/").getPort()));
    }

    @Test
    void testUpdateConfigReachesTheBundleThatOwnsTheKey() {
        assertStatus(
                node.get("/updateConfig?strata.introspection.pprof.max.seconds=2"),
                200,
                "{\"update_status\":\"ERR_OK\"}");
        try {
            Poll.await(
                    TIMEOUT,
                    "the profiler refusing 3 s",
                    () -> node.get("/pprof/profile?seconds=3").statusCode() == 400);
            assertStatus(
                    node.get("/pprof/heap?seconds=3"),
                    400,
                    "{\"status\":\"seconds must be a whole number from 1 to 2 (strata.introspection.pprof.max.seconds), not '3'\"}");
        } finally {
            assertStatus(
                    node.get("/updateConfig?strata.introspection.pprof.max.seconds=300"),
                    200,
                    "{\"update_status\":\"ERR_OK\"}");
        }
        Poll.await(
                TIMEOUT,
                "the maximum back at 300",
                () -> node.get("/pprof/profile?seconds=301").body().contains("from 1 to 300"));
    }

    @Test
    void testMetricsFiltersReturnExactlyTheExpectedEntities() {
        node.get("/version");
        JsonNode route = Json.parse(
                node.get("/metrics?types=route&ids=GET%20/version&detail=true").body());
        assertThat(route.get("cluster").asText()).isEqualTo("strata");
        assertThat(route.get("role").asText()).isEqualTo("coordinator,worker");
        assertThat(route.get("port").asInt()).isEqualTo(node.uri("/").getPort());
        assertThat(route.get("timestamp_ns").asLong()).isPositive();
        assertThat(route.get("entities")).hasSize(1);
        JsonNode entity = route.get("entities").get(0);
        assertThat(entity.get("type").asText()).isEqualTo("route");
        assertThat(entity.get("id").asText()).isEqualTo("GET /version");
        assertThat(entity.get("attributes").toString())
                .isEqualTo("{\"method\":\"GET\",\"path\":\"/version\",\"route\":\"GET /version\"}");
        assertThat(entity.get("metrics").get(0).get("type").asText()).isEqualTo("Percentile");
        assertThat(entity.get("metrics").get(0).get("unit").asText()).isEqualTo("NanoSeconds");
        assertThat(entity.get("metrics").get(0).has("value")).isFalse();
        assertThat(entity.get("metrics").get(0).get("p99").asLong()).isPositive();
        assertThat(entity.get("metrics").get(1).get("name").asText()).isEqualTo("strata.http.request.count");
        assertThat(entity.get("metrics").get(1).get("value").asLong()).isPositive();

        assertThat(entityIds("/metrics?types=server"))
                .containsExactly("server 127.0.0.1:" + node.uri("/").getPort());
        assertThat(entityIds("/metrics?types=bundle&ids=" + BUNDLE)).containsExactly("bundle " + BUNDLE);
        assertThat(entityIds("/metrics?types=route&attributes=path,/metrics"))
                .containsExactly(
                        "route DELETE /metrics",
                        "route GET /metrics",
                        "route PATCH /metrics",
                        "route POST /metrics",
                        "route PUT /metrics");
        assertThat(
                        entityIds(
                                "/metrics?ids=PATCH%20/metrics,PUT%20/metrics,GET%20/version&attributes=method,PATCH,method,PUT"))
                .containsExactly("route PATCH /metrics", "route PUT /metrics");
        assertThat(entityIds("/metrics?types=route&attributes=path,/configs")).containsExactly("route GET /configs");
        assertThat(entityIds("/metrics?types=replica")).isEmpty();
        assertThat(entityIds("/metrics?metrics=strata.jvm.threads.count"))
                .containsExactly("server 127.0.0.1:" + node.uri("/").getPort());

        JsonNode brief = Json.parse(node.get("/metrics?types=server&metrics=strata.jvm.threads.count")
                        .body())
                .get("entities")
                .get(0)
                .get("metrics")
                .get(0);
        assertThat(brief.toString()).matches("\\{\"name\":\"strata.jvm.threads.count\",\"value\":\\d+}");
        JsonNode fields = Json.parse(node.get(
                        "/metrics?types=server&metrics=strata.jvm.threads.count&with_metric_fields=type,value&detail=false")
                .body());
        assertThat(fields.get("entities").get(0).get("metrics").get(0).toString())
                .matches("\\{\"type\":\"Gauge\",\"value\":\\d+}");
    }

    @Test
    void testMetricsErrors() {
        assertStatus(
                node.get("/metrics?attributes=a,b,c"),
                400,
                "{\"error_message\":\"the number of arguments for attributes should be even, "
                        + "since each attribute name always pairs with a value\"}");
        assertStatus(
                node.get("/metrics?detail=maybe"),
                400,
                "{\"error_message\":\"the value of detail should be a boolean value, i.e. true or false\"}");
        assertStatus(node.get("/metrics?color=red"), 400, "{\"error_message\":\"unknown field color=red\"}");
        HttpResponse<String> post = node.send(node.request("/metrics")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertStatus(post, 400, "{\"error_message\":\"please use 'GET' method while querying for metrics\"}");
    }

    @Test
    void testPrometheusOutputPassesPromtool() {
        node.get("/version");
        HttpResponse<String> byFormat = node.get("/metrics?format=prometheus");
        assertThat(byFormat.statusCode()).isEqualTo(200);
        assertThat(byFormat.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/plain")
                .contains("version=0.0.4");
        assertThat(byFormat.body())
                .contains("# TYPE strata_http_request_seconds summary")
                .contains("strata_http_request_seconds_count{route=\"GET /version\"}")
                .contains("strata_introspection_pprof_profiles_total{bundle=\"io.strata.introspection\"}");
        Result promtool =
                run(List.of("promtool", "check", "metrics"), byFormat.body().getBytes(UTF_8));
        assertThat(promtool).isEqualTo(new Result(0, ""));

        HttpResponse<String> byAccept = node.send(node.request("/metrics?types=server")
                .header("Accept", "text/plain")
                .GET()
                .build());
        assertThat(byAccept.body()).startsWith("# HELP strata_jvm_");
        assertThat(run(List.of("promtool", "check", "metrics"), byAccept.body().getBytes(UTF_8)))
                .isEqualTo(new Result(0, ""));
    }

    @Test
    void testCpuAndHeapProfilesReadByGoToolPprof() {
        HttpResponse<byte[]> cpu = getBytes("/pprof/profile?seconds=2");
        assertThat(cpu.statusCode()).isEqualTo(200);
        assertThat(cpu.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        String cpuTop = goToolPprofTop(cpu.body());
        assertThat(cpuTop)
                .contains("Type: cpu")
                .containsPattern("(java|jdk|io\\.strata|org\\.eclipse|org\\.glassfish|org\\.apache)\\.[\\w.$]+");

        HttpResponse<byte[]> heap = getBytes("/pprof/heap");
        assertThat(heap.statusCode()).isEqualTo(200);
        assertThat(goToolPprofTop(heap.body()))
                .contains("Type: inuse_space")
                .containsPattern("java\\.lang\\.(String|Object\\[\\]|Class)|byte\\[\\]");

        HttpResponse<byte[]> allocations = getBytes("/pprof/heap?seconds=1");
        assertThat(goToolPprofTop(allocations.body())).contains("Type: alloc_space");
        HttpResponse<byte[]> growth = getBytes("/pprof/growth");
        assertThat(goToolPprofTop(growth.body())).contains("Type: alloc_space");

        String cmdline = node.get("/pprof/cmdline").body();
        assertThat(cmdline).contains("io.strata.kernel.Main\n").contains("-Dstrata.home=");
        String count = node.get("/pprof/symbol").body();
        assertThat(count).matches("num_symbols: [1-9]\\d*\n");
    }

    @Test
    void testSymbolsOfTheProfilesAddresses() {
        // a location's address in a profile resolves to its function through /pprof/symbol (pprof's symbolz protocol)
        String raw = run(goPprof("-raw", write(getBytes("/pprof/heap").body())), new byte[0])
                .output();
        String location = raw.lines()
                .filter(line -> line.matches("\\s+\\d+: 0x[0-9a-f]+ M=1 .*"))
                .findFirst()
                .orElseThrow();
        String address = location.replaceAll("^\\s+\\d+: (0x[0-9a-f]+) M=1 (\\S+).*$", "$1");
        String function = location.replaceAll("^\\s+\\d+: (0x[0-9a-f]+) M=1 (\\S+).*$", "$2");
        HttpResponse<String> symbols = node.send(node.request("/pprof/symbol")
                .POST(HttpRequest.BodyPublishers.ofString(address + "+0x1"))
                .build());
        assertThat(symbols.statusCode()).isEqualTo(200);
        assertThat(symbols.body())
                .isEqualTo(String.format("0x%08x\t%s\n0x00000001\t0x00000001\n", Long.decode(address), function));
    }

    @Test
    void testOneProfileAtATime() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> first = sendBytesAsync("/pprof/profile?seconds=3");
        Poll.await(TIMEOUT, "the first profile running", () -> running() == 1);
        HttpResponse<String> second = node.get("/pprof/profile?seconds=1");
        assertStatus(
                second, 429, "{\"status\":\"Another profile is being taken on this node; try again when it is done\"}");
        assertThat(node.get("/pprof/heap").statusCode()).isEqualTo(429);
        assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode())
                .isEqualTo(200);
        assertStatus(
                node.get("/pprof/profile?seconds=0"),
                400,
                "{\"status\":\"seconds must be a whole number from 1 to 300 (strata.introspection.pprof.max.seconds), not '0'\"}");
        assertThat(node.get("/pprof/profile?seconds=301").statusCode()).isEqualTo(400);
        assertThat(node.get("/pprof/profile?seconds=1.5").statusCode()).isEqualTo(400);
    }

    @Test
    void testCli() throws IOException {
        CommandResult get = node.strata("config", "get", "strata.log.level");
        assertThat(get.exitCode()).as(get.describe()).isZero();
        assertThat(get.stdout()).contains("name         strata.log.level").contains("mutable      yes");

        CommandResult list = node.strata("config", "list", "--mutable");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout())
                .contains("strata.log.level")
                .contains("strata.introspection.pprof.max.seconds")
                .doesNotContain("strata.http.port");

        CommandResult set = node.strata("config", "set", "strata.introspection.pprof.max.seconds", "200");
        assertThat(set.exitCode()).as(set.describe()).isZero();
        assertThat(set.stdout()).isEqualTo("ERR_OK\nstrata.introspection.pprof.max.seconds = 200\n");
        CommandResult refused = node.strata("config", "set", "strata.http.port", "1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr())
                .isEqualTo("error: ERR_INVALID_PARAMETERS: strata.http.port is not mutable (HTTP 400)\n");
        node.strata("config", "set", "strata.introspection.pprof.max.seconds", "300");

        CommandResult metrics = node.strata("metrics", "--types", "bundle", "--ids", BUNDLE);
        assertThat(metrics.exitCode()).as(metrics.describe()).isZero();
        assertThat(metrics.stdout()).startsWith("bundle " + BUNDLE).contains("strata.introspection.pprof.profiles");
        CommandResult prometheus = node.strata("metrics", "--prometheus", "--types", "server");
        assertThat(prometheus.stdout()).contains("# TYPE strata_jvm_memory_heap_used gauge");

        Path file = node.scratchDir().resolve("cpu.pb.gz");
        CommandResult profile = node.strata("profile", "--seconds", "1", "-o", file.toString());
        assertThat(profile.exitCode()).as(profile.describe()).isZero();
        assertThat(goToolPprofTop(Files.readAllBytes(file))).contains("Type: cpu");
    }

    @Test
    void testAdminTokenGuardsUpdatesAndProfiles() {
        String token = "it-introspection-token-5d2e";
        try (StrataProcess guarded =
                StrataProcess.install(IntrospectionIT.class).siteProperty("strata.security.admin.token", token)) {
            guarded.start();
            assertThat(guarded.get("/updateConfig?strata.log.level=WARN").statusCode())
                    .isEqualTo(401);
            assertThat(guarded.get("/pprof/cmdline").statusCode()).isEqualTo(401);
            HttpResponse<String> wrong = guarded.send(guarded.request("/pprof/symbol")
                    .header("Authorization", "Bearer nope")
                    .GET()
                    .build());
            assertStatus(wrong, 403, "{\"status\":\"Wrong admin token\"}");
            HttpResponse<String> right = guarded.send(guarded.request("/updateConfig?strata.log.level=WARN")
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build());
            assertStatus(right, 200, "{\"update_status\":\"ERR_OK\"}");
            HttpResponse<String> cmdline = guarded.send(guarded.request("/pprof/cmdline")
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build());
            assertThat(cmdline.statusCode()).isEqualTo(200);
            // reads stay open, and the token never shows
            assertThat(guarded.get("/config?name=strata.security.admin.token").body())
                    .contains("\"value\":\"******\"");
            assertThat(guarded.get("/metrics?types=server").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void testUninstallAndReinstallAtRuntime() throws IOException {
        Path jar = node.scratchDir().resolve("introspection-copy.jar");
        Files.copy(node.bundlesDir().resolve("strata-introspection.jar"), jar, StandardCopyOption.REPLACE_EXISTING);

        node.client().removeBundle(BUNDLE);
        Poll.await(
                TIMEOUT,
                "introspection routes gone",
                () -> listing(node).keySet().stream().noneMatch(ROUTES::contains));
        assertThat(node.get("/configs").statusCode()).isEqualTo(404);
        assertThat(node.client().bundles().bundles())
                .noneMatch(bundle -> bundle.symbolicName().equals(BUNDLE));

        node.client().installBundle(jar, false);
        Poll.await(
                TIMEOUT,
                "introspection routes back",
                () -> listing(node).keySet().containsAll(ROUTES));
        assertThat(Json.parse(node.get("/config?name=strata.introspection.pprof.max.seconds")
                                .body())
                        .get("value")
                        .asText())
                .isEqualTo("300");
        assertThat(entityIds("/metrics?types=bundle&ids=" + BUNDLE)).containsExactly("bundle " + BUNDLE);
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> entityIds(String pathAndQuery) {
        HttpResponse<String> response = node.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Json.parse(response.body())
                .get("entities")
                .forEach(entity -> ids.add(
                        entity.get("type").asText() + " " + entity.get("id").asText()));
        return ids;
    }

    private static int running() {
        JsonNode entities = Json.parse(node.get("/metrics?types=bundle&metrics=strata.introspection.pprof.running")
                        .body())
                .get("entities");
        return entities.isEmpty()
                ? -1
                : entities.get(0).get("metrics").get(0).get("value").asInt();
    }

    private static void assertStatus(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(body);
    }

    private static HttpResponse<byte[]> getBytes(String pathAndQuery) {
        try {
            return HttpClient.newHttpClient()
                    .send(node.request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<HttpResponse<byte[]>> sendBytesAsync(String pathAndQuery) {
        return HttpClient.newHttpClient()
                .sendAsync(node.request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private record Result(int exitCode, String output) {}

    private static Path write(byte[] profile) {
        try {
            Path file = Files.createTempFile(node.scratchDir(), "profile-", ".pb.gz");
            Files.write(file, profile);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> goPprof(String option, Path file) {
        return List.of("go", "tool", "pprof", option, file.toString());
    }

    /** {@code go tool pprof -top} on a profile (CI installs golang-go); it must read it. */
    private static String goToolPprofTop(byte[] profile) {
        Result result = run(goPprof("-top", write(profile)), new byte[0]);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    private static Result run(List<String> command, byte[] input) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putIfAbsent("HOME", System.getProperty("java.io.tmpdir"));
        try {
            Process process = builder.start();
            process.getOutputStream().write(input);
            process.getOutputStream().close();
            String output;
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), UTF_8);
            }
            assertThat(process.waitFor(StrataProcess.COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("%s finished", command)
                    .isTrue();
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(
                    command.get(0) + " is needed (CI installs prometheus and golang-go): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
