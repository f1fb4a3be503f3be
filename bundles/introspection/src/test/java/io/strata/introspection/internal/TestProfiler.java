package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TestProfiler {
    private static final long TIMEOUT_SECONDS = 60;

    private final MetricRegistry metrics = new MetricRegistry();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Profiler> profilers = new ArrayList<>();

    private Profiler profiler(TestingConfig config) {
        Profiler profiler = new Profiler(metrics, config);
        profilers.add(profiler);
        return profiler;
    }

    @AfterEach
    void tearDown() {
        profilers.forEach(Profiler::close);
        executor.shutdownNow();
    }

    @Test
    void testSecondsMustBeAWholeNumberWithinTheMaximum() {
        Profiler profiler = profiler(new TestingConfig(300, false));
        assertThat(profiler.seconds(Optional.empty(), 60)).isEqualTo(60);
        assertThat(profiler.seconds(Optional.of("1"), 60)).isEqualTo(1);
        assertThat(profiler.seconds(Optional.of(" 300 "), 60)).isEqualTo(300);
        for (String bad : List.of("0", "-1", "301", "1.5", "", "abc", "1e3", "99999999999")) {
            assertThatThrownBy(() -> profiler.seconds(Optional.of(bad), 60))
                    .isInstanceOfSatisfying(
                            StrataException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                    .hasMessageContaining("from 1 to 300");
        }
    }

    @Test
    void testTheMaximumChangesAtRuntimeAndCapsTheDefault() {
        Profiler profiler = profiler(new TestingConfig(300, false));
        profiler.configure(new TestingConfig(5, false));
        assertThat(profiler.seconds(Optional.empty(), 60)).isEqualTo(5);
        assertThatThrownBy(() -> profiler.seconds(Optional.of("6"), 60)).hasMessageContaining("from 1 to 5");
    }

    @Test
    void testOneProfileAtATime() throws Exception {
        Profiler profiler = profiler(new TestingConfig(300, false));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<byte[]> first = executor.submit(() -> profiler.exclusively(() -> {
            entered.countDown();
            await(release);
            return new byte[] {1};
        }));
        assertThat(entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(((Gauge<?>) metrics.getMetrics().get(Profiler.RUNNING_METRIC)).getValue())
                .isEqualTo(1);

        assertThatThrownBy(() -> profiler.cpu(1))
                .isInstanceOfSatisfying(
                        StrataException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RESOURCE_EXHAUSTED));
        assertThatThrownBy(profiler::liveHeap)
                .isInstanceOfSatisfying(
                        StrataException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RESOURCE_EXHAUSTED));
        assertThat(metrics.meter(Profiler.REJECTED_METRIC).getCount()).isEqualTo(2);

        release.countDown();
        assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).containsExactly(1);
        assertThat(metrics.meter(Profiler.PROFILES_METRIC).getCount()).isEqualTo(1);
        assertThat(((Gauge<?>) metrics.getMetrics().get(Profiler.RUNNING_METRIC)).getValue())
                .isEqualTo(0);
        // free again once the first one is done
        assertThat(profiler.exclusively(() -> new byte[] {2})).containsExactly(2);
    }

    @Test
    void testAFailedCaptureFreesTheSlot() {
        Profiler profiler = profiler(new TestingConfig(300, false));
        assertThatThrownBy(() -> profiler.exclusively(() -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(profiler.exclusively(() -> new byte[0])).isEmpty();
    }

    @Test
    void testCpuProfileShowsTheBusyCode() throws Exception {
        Profiler profiler = profiler(new TestingConfig(300, false));
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Long> busy = CompletableFuture.supplyAsync(
                () -> {
                    long sum = 0;
                    while (!done.get()) {
                        sum += TestJfrProfiles.spinFor(Duration.ofMillis(20));
                    }
                    return sum;
                },
                executor);
        byte[] bytes;
        try {
            bytes = profiler.cpu(1);
        } finally {
            done.set(true);
        }
        busy.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        TestingPprof profile = TestingPprof.decode(bytes);
        assertThat(profile.defaultSampleType).isEqualTo("cpu");
        assertThat(profile.durationNanos).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(profile.stacks())
                .anySatisfy(stack -> assertThat(stack).anyMatch(frame -> frame.endsWith("TestJfrProfiles.spinFor")));
        // every address of the profile is in the symbol table /pprof/symbol answers from
        profile.locations
                .values()
                .forEach(location -> assertThat(profiler.symbols().symbol(location.address()))
                        .isPresent());
        assertThat(((Gauge<?>) metrics.getMetrics().get(Profiler.SYMBOLS_METRIC)).getValue())
                .isEqualTo(profiler.symbols().size());
        assertThat(TestingCommands.goToolPprof(bytes, "-top")).contains("TestJfrProfiles.spinFor");
    }

    @Test
    void testStoppingEndsARunningWindow() throws Exception {
        Profiler profiler = profiler(new TestingConfig(300, false));
        Future<byte[]> running = executor.submit(() -> profiler.cpu(300));
        profiler.close();
        assertThatThrownBy(() -> running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StrataException.class)
                .cause()
                .satisfies(cause -> assertThat(((StrataException) cause).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    @Test
    void testAllocationsDuringAWindow() throws Exception {
        Profiler profiler = profiler(new TestingConfig(300, false));
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Integer> allocating = CompletableFuture.supplyAsync(
                () -> {
                    int kept = 0;
                    while (!done.get()) {
                        kept += allocateMarkers().size();
                    }
                    return kept;
                },
                executor);
        byte[] bytes;
        try {
            bytes = profiler.allocations(1);
        } finally {
            done.set(true);
        }
        allocating.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        TestingPprof profile = TestingPprof.decode(bytes);
        assertThat(profile.defaultSampleType).isEqualTo("alloc_space");
        assertThat(profile.stacks()).anySatisfy(stack -> {
            assertThat(stack.get(0)).isEqualTo(AllocationMarker.class.getName() + "[]");
            assertThat(stack).anyMatch(frame -> frame.endsWith("TestProfiler.allocateMarkers"));
        });
    }

    @Test
    void testGrowthIsWhatWasAllocatedSinceThePreviousCall() {
        Profiler profiler = profiler(TestingConfig.defaults());
        profiler.growth();
        for (int i = 0; i < 200; i++) {
            allocateMarkers();
        }
        TestingPprof grown = TestingPprof.decode(profiler.growth());
        assertThat(grown.defaultSampleType).isEqualTo("alloc_space");
        assertThat(grown.stacks())
                .anySatisfy(stack -> assertThat(stack.get(0)).isEqualTo(AllocationMarker.class.getName() + "[]"));
        TestingPprof again = TestingPprof.decode(profiler.growth());
        assertThat(again.stacks())
                .noneSatisfy(stack -> assertThat(stack.get(0)).isEqualTo(AllocationMarker.class.getName() + "[]"));
    }

    @Test
    void testGrowthNeedsHeapSampling() {
        Profiler profiler = profiler(new TestingConfig(300, false));
        assertThatThrownBy(profiler::growth)
                .isInstanceOfSatisfying(
                        StrataException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_ENABLED))
                .hasMessageContaining("strata.introspection.pprof.heap.sampling.enabled");
        profiler.configure(TestingConfig.defaults());
        assertThat(TestingPprof.decode(profiler.growth()).defaultSampleType).isEqualTo("alloc_space");
    }

    @Test
    void testLiveHeapShowsLiveClassesWithAllocationStacks() {
        Profiler profiler = profiler(TestingConfig.defaults());
        String marker = AllocationMarker.class.getName() + "[]";
        List<List<AllocationMarker[]>> retained = new ArrayList<>();
        // JFR's old-object sampler keeps a few hundred samples, chosen at random among allocations:
        // retain more markers each round until some of them are in the sample
        TestingPprof profile = null;
        byte[] bytes = new byte[0];
        for (int round = 0; round < 10 && !hasMarkerStack(profile, marker); round++) {
            for (int i = 0; i < 100; i++) {
                retained.add(allocateMarkers());
            }
            bytes = profiler.liveHeap();
            profile = TestingPprof.decode(bytes);
        }
        assertThat(profile.defaultSampleType).isEqualTo("inuse_space");
        // every live class is there: with the stacks the sampler caught for it, or alone
        assertThat(profile.stacks())
                .anySatisfy(stack -> assertThat(stack.get(0)).isEqualTo("java.lang.String"));
        assertThat(profile.stacks()).anySatisfy(stack -> assertThat(stack).hasSize(1));
        assertThat(profile.stacks())
                .as("the old-object sampler caught some of the %s retained marker arrays", retained.size() * 1000)
                .anySatisfy(stack -> {
                    assertThat(stack.get(0)).isEqualTo(marker);
                    assertThat(stack).anyMatch(frame -> frame.endsWith("TestProfiler.allocateMarkers"));
                });
        // the class's totals come from the histogram: at least every retained array
        assertThat(profile.total("inuse_objects", marker)).isGreaterThanOrEqualTo(retained.size() * 1000L);
        assertThat(TestingCommands.goToolPprof(bytes, "-top"))
                .contains("Type: inuse_space")
                .contains("java.lang.String");
    }

    @Test
    void testLiveHeapSamplesAreNotCountedTwice() {
        Profiler profiler = profiler(TestingConfig.defaults());
        // the sampler starts in the background; a first snapshot waits until it runs, so the
        // allocations below are made while it samples
        profiler.liveHeap();
        List<List<AllocationMarker[]>> retained = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            retained.add(allocateMarkers());
        }
        TestingPprof first = TestingPprof.decode(profiler.liveHeap());
        TestingPprof second = TestingPprof.decode(profiler.liveHeap());
        // JFR keeps at most 256 old-object samples (its default queue size) and writes all of them
        // again for every snapshot: only the latest snapshot's may count
        assertThat(sampledStacks(first)).isBetween(1L, 256L);
        assertThat(sampledStacks(second)).isBetween(1L, 256L);
        assertThat(retained).hasSize(100);
    }

    /** Samples with an allocation stack: one per old-object sample at most. */
    private static long sampledStacks(TestingPprof profile) {
        return profile.stacks().stream().filter(stack -> stack.size() > 1).count();
    }

    private static boolean hasMarkerStack(TestingPprof profile, String marker) {
        return profile != null
                && profile.stacks().stream()
                        .anyMatch(stack -> stack.size() > 1 && stack.get(0).equals(marker));
    }

    /** A thousand marker arrays of 64 references each. */
    private static List<AllocationMarker[]> allocateMarkers() {
        List<AllocationMarker[]> markers = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
            markers.add(new AllocationMarker[64]);
        }
        return markers;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A class only these tests allocate, to find in profiles. */
    static final class AllocationMarker {}
}
