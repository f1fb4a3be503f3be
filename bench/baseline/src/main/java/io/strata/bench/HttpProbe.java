package io.strata.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls one URL until it answers an expected status. One HTTP/1.1 client for the whole run, so
 * connections are reused and no process is spawned per poll (as curl would).
 */
final class HttpProbe {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** The status of one GET, or -1 when nothing answers (refused, reset, timed out). */
    int status(URI uri) {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Polls {@code uri} every {@code intervalMillis} (measured from the start of one poll to the next)
     * until it answers {@code expected}, and returns {@link System#nanoTime()} at the moment that
     * answer arrived.
     *
     * @throws IllegalStateException when {@code timeoutMillis} pass first or {@code alive} turns false
     */
    long await(URI uri, int expected, long intervalMillis, long timeoutMillis, BooleanSupplier alive) {
        long interval = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int last = -1;
        while (true) {
            long begin = System.nanoTime();
            last = status(uri);
            long answered = System.nanoTime();
            if (last == expected) {
                return answered;
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(
                        uri + " went away before answering " + expected + " (last status " + last + ")");
            }
            if (answered - deadline > 0) {
                throw new IllegalStateException(uri + " did not answer " + expected + " within " + timeoutMillis
                        + " ms (last status " + last + ")");
            }
            long next = begin + interval;
            while (next - System.nanoTime() > 0) {
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
    }
}
