package io.strata.kernel.internal;

import static java.util.Objects.requireNonNull;

import io.strata.kernel.internal.config.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real kernel in this JVM for tests: Felix with the framework's own bundles, an embedded
 * ZooKeeper on a free port, Jetty on 127.0.0.1 and a free port, state under a temporary home.
 */
final class TestingKernel implements AutoCloseable {
    private final Kernel kernel;
    private final Path home;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestingKernel(Kernel kernel, Path home) {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.home = requireNonNull(home, "home is null");
    }

    static TestingKernel start(Path home, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>();
        values.put("strata.http.host", "127.0.0.1");
        values.put("strata.http.port", "0");
        values.put("strata.zookeeper.embedded.port", String.valueOf(freePort()));
        values.put("strata.data.dir", home.resolve("data").toString());
        values.putAll(settings);
        Path osgi =
                Path.of(requireNonNull(System.getProperty("strata.test.osgi.dir"), "strata.test.osgi.dir is not set"));
        Kernel.Layout layout = new Kernel.Layout(home, osgi, home.resolve("bundles"), home.resolve("plugins"));
        return new TestingKernel(Kernel.start(SiteConfig.of(values), layout), home);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Kernel kernel() {
        return kernel;
    }

    Path home() {
        return home;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + kernel.httpPort() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kernel.close();
    }
}
