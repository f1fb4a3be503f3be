package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles of this JVM in pprof format, from JDK Flight Recorder. One profile at a time per node:
 * a second request while one runs is refused ({@code RESOURCE_EXHAUSTED}, 429) rather than queued.
 * A window that is still being recorded when the bundle stops ends at once with
 * {@code UNAVAILABLE}. Its metrics (bundle entity {@code io.strata.introspection}): profiles
 * served, requests refused because another profile was running, whether one is running now, and
 * the symbol table's size.
 */
@Component(service = Profiler.class, configurationPid = IntrospectionConfig.PID, immediate = true)
@Designate(ocd = IntrospectionConfig.class)
public final class Profiler {
    static final int DEFAULT_CPU_SECONDS = 60;
    static final Duration CPU_PERIOD = Duration.ofMillis(10);
    static final String WINDOW_ALLOCATION_THROTTLE = "1000/s";
    static final int SYMBOL_CAPACITY = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(Profiler.class);

    static final String PROFILES_METRIC = "strata.introspection.pprof.profiles";
    static final String REJECTED_METRIC = "strata.introspection.pprof.rejected";
    static final String SYMBOLS_METRIC = "strata.introspection.pprof.symbols";
    static final String RUNNING_METRIC = "strata.introspection.pprof.running";

    private final MetricRegistry metrics;
    private final Meter profiles;
    private final Meter rejected;
    private final Semaphore oneAtATime = new Semaphore(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final SymbolTable symbols = new SymbolTable(SYMBOL_CAPACITY);
    private volatile int maxSeconds;
    /**
     * The heap sampler, started on a thread of its own: starting JDK Flight Recorder takes a second
     * or more of CPU, which would otherwise delay the node's start. A profile that needs it waits.
     */
    private CompletableFuture<Optional<HeapSampler>> sampler;

    @Activate
    public Profiler(@Reference MetricRegistry metrics, IntrospectionConfig config) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.profiles = metrics.meter(PROFILES_METRIC);
        this.rejected = metrics.meter(REJECTED_METRIC);
        metrics.remove(SYMBOLS_METRIC);
        metrics.register(SYMBOLS_METRIC, (Gauge<Integer>) symbols::size);
        metrics.remove(RUNNING_METRIC);
        metrics.register(RUNNING_METRIC, (Gauge<Integer>) () -> 1 - oneAtATime.availablePermits());
        configure(config);
    }

    @Modified
    synchronized void configure(IntrospectionConfig config) {
        requireNonNull(config, "config is null");
        this.maxSeconds = Math.max(1, config.pprof_max_seconds());
        boolean sampling = config.pprof_heap_sampling_enabled() && FlightRecorder.isAvailable();
        if (sampling && sampler == null) {
            sampler = startSampler();
        } else if (!sampling && sampler != null) {
            stopSampler();
            LOG.info("Heap sampling for /pprof/heap and /pprof/growth stopped");
        }
    }

    @Deactivate
    synchronized void close() {
        closing.countDown();
        metrics.remove(SYMBOLS_METRIC);
        metrics.remove(RUNNING_METRIC);
        if (sampler != null) {
            stopSampler();
        }
    }

    private static CompletableFuture<Optional<HeapSampler>> startSampler() {
        CompletableFuture<Optional<HeapSampler>> started = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        started.complete(Optional.of(HeapSampler.start()));
                        LOG.info("Heap sampling for /pprof/heap and /pprof/growth started");
                    } catch (RuntimeException e) {
                        LOG.warn("Heap sampling for /pprof/heap and /pprof/growth did not start", e);
                        started.complete(Optional.empty());
                    }
                },
                "strata-heap-sampler-start");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    private void stopSampler() {
        sampler.join().ifPresent(HeapSampler::close);
        sampler = null;
    }

    int maxSeconds() {
        return maxSeconds;
    }

    SymbolTable symbols() {
        return symbols;
    }

    /**
     * The {@code seconds} parameter: absent gives {@code defaultSeconds} (at most the maximum);
     * present, it must be a whole number from 1 to {@code strata.introspection.pprof.max.seconds}.
     */
    int seconds(Optional<String> text, int defaultSeconds) {
        int max = maxSeconds;
        if (text.isEmpty()) {
            return Math.min(defaultSeconds, max);
        }
        String value = text.get().strip();
        int seconds = value.matches("[0-9]{1,9}") ? Integer.parseInt(value) : -1;
        if (seconds < 1 || seconds > max) {
            throw StrataException.invalidArgument("seconds must be a whole number from 1 to " + max
                    + " (strata.introspection.pprof.max.seconds), not '" + text.get() + "'");
        }
        return seconds;
    }

    /** CPU profile of the next {@code seconds}: JFR execution samples every 10 ms. */
    byte[] cpu(int seconds) {
        return exclusively(() -> {
            Instant start = Instant.now();
            try (Recording recording = new Recording()) {
                recording.setName("strata-cpu-profile");
                recording
                        .enable(JfrProfiles.EXECUTION_SAMPLE)
                        .withPeriod(CPU_PERIOD)
                        .withStackTrace();
                recording.setToDisk(true);
                recording.start();
                awaitWindow(seconds);
                recording.stop();
                List<RecordedEvent> events = JfrRecordings.events(recording);
                return JfrProfiles.cpu(symbols, events, CPU_PERIOD.toNanos())
                        .window(
                                epochNanos(start),
                                Duration.between(start, Instant.now()).toNanos())
                        .encode();
            }
        });
    }

    /** Allocation profile of the next {@code seconds}: JFR allocation samples, up to 1000 a second. */
    byte[] allocations(int seconds) {
        return exclusively(() -> {
            Instant start = Instant.now();
            try (Recording recording = new Recording()) {
                recording.setName("strata-allocation-profile");
                recording
                        .enable(JfrProfiles.ALLOCATION_SAMPLE)
                        .withStackTrace()
                        .with("throttle", WINDOW_ALLOCATION_THROTTLE);
                recording.setToDisk(true);
                recording.start();
                awaitWindow(seconds);
                recording.stop();
                Instant end = Instant.now();
                return JfrProfiles.allocations(symbols, JfrRecordings.events(recording), start, Instant.MAX)
                        .window(epochNanos(start), Duration.between(start, end).toNanos())
                        .encode();
            }
        });
    }

    /**
     * Live heap now: the class histogram (which runs a full GC), with allocation stacks from the
     * background old-object samples when heap sampling is on.
     */
    byte[] liveHeap() {
        return exclusively(() -> {
            Instant start = Instant.now();
            HeapSampler current = currentSampler();
            // the histogram's full GC first: the sampler drops the samples of objects it collects
            Map<String, ClassHistogram.Entry> histogram = ClassHistogram.take();
            List<RecordedEvent> oldObjects = current == null ? List.of() : current.liveObjects();
            return JfrProfiles.liveHeap(symbols, histogram, oldObjects)
                    .window(epochNanos(start), 0)
                    .encode();
        });
    }

    /** Allocation samples since the previous call, from the background sampler. */
    byte[] growth() {
        return exclusively(() -> {
            HeapSampler current = currentSampler();
            if (current == null) {
                throw new StrataException(
                        ErrorKind.NOT_ENABLED,
                        "Heap sampling is not enabled: set strata.introspection.pprof.heap.sampling.enabled=true");
            }
            HeapSampler.Growth growth = current.growth();
            return JfrProfiles.allocations(symbols, growth.events(), growth.since(), growth.until())
                    .window(
                            epochNanos(growth.since()),
                            Duration.between(growth.since(), growth.until()).toNanos())
                    .encode();
        });
    }

    private HeapSampler currentSampler() {
        CompletableFuture<Optional<HeapSampler>> current;
        synchronized (this) {
            current = sampler;
        }
        // waits for a sampler still starting, outside the lock so configure and close are not held up
        return current == null ? null : current.join().orElse(null);
    }

    /** Work that takes a profile. */
    interface Capture {
        byte[] run();
    }

    /** Runs a capture unless another one is running. */
    byte[] exclusively(Capture capture) {
        if (!FlightRecorder.isAvailable()) {
            throw new StrataException(
                    ErrorKind.NOT_ENABLED, "Profiling needs JDK Flight Recorder, which this JVM does not have");
        }
        if (!oneAtATime.tryAcquire()) {
            rejected.mark();
            throw new StrataException(
                    ErrorKind.RESOURCE_EXHAUSTED,
                    "Another profile is being taken on this node; try again when it is done");
        }
        try {
            byte[] profile = capture.run();
            profiles.mark();
            return profile;
        } finally {
            oneAtATime.release();
        }
    }

    /** Waits out the recording window; ends early, with an error, when the bundle stops. */
    private void awaitWindow(int seconds) {
        try {
            if (closing.await(seconds, TimeUnit.SECONDS)) {
                throw new StrataException(
                        ErrorKind.UNAVAILABLE, "The introspection bundle is stopping; the profile was abandoned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorKind.UNAVAILABLE, "Interrupted while profiling");
        }
    }

    private static long epochNanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
