package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

final class TestJfrProfiles {
    @Test
    void testJavaNamesOfJvmClassNames() {
        assertThat(JfrProfiles.javaName("[B")).isEqualTo("byte[]");
        assertThat(JfrProfiles.javaName("[[J")).isEqualTo("long[][]");
        assertThat(JfrProfiles.javaName("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
        assertThat(JfrProfiles.javaName("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(JfrProfiles.javaName("int[]")).isEqualTo("int[]");
    }

    @Test
    void testSourceFilesFollowJavasConvention() {
        assertThat(JfrProfiles.sourceFile("io.strata.x.Foo")).isEqualTo("io/strata/x/Foo.java");
        assertThat(JfrProfiles.sourceFile("io.strata.x.Foo$Bar$1")).isEqualTo("io/strata/x/Foo.java");
        assertThat(JfrProfiles.sourceFile("io.strata.x.Foo$$Lambda$12/0x0000000800c0b000"))
                .isEqualTo("io/strata/x/Foo.java");
    }

    @Test
    void testSharesAddUpToTheTotal() {
        assertThat(List.of(JfrProfiles.share(10, 3, 0), JfrProfiles.share(10, 3, 1), JfrProfiles.share(10, 3, 2)))
                .containsExactly(4L, 3L, 3L);
        assertThat(JfrProfiles.share(7, 1, 0)).isEqualTo(7);
    }

    @Test
    void testLiveHeapWithoutSamplesIsOneStackPerClass() {
        Map<String, ClassHistogram.Entry> histogram = new LinkedHashMap<>();
        histogram.put("byte[]", new ClassHistogram.Entry(10, 1000));
        histogram.put("java.lang.String", new ClassHistogram.Entry(5, 120));
        TestingPprof profile = TestingPprof.decode(
                JfrProfiles.liveHeap(new SymbolTable(10), histogram, List.of()).encode());
        assertThat(profile.defaultSampleType).isEqualTo("inuse_space");
        assertThat(profile.stacks()).containsExactly(List.of("byte[]"), List.of("java.lang.String"));
        assertThat(profile.total("inuse_objects")).isEqualTo(15);
        assertThat(profile.total("inuse_space")).isEqualTo(1120);
    }

    @Test
    void testCpuProfileFromARealRecordingNamesTheBusyMethod() throws Exception {
        List<jdk.jfr.consumer.RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording
                    .enable(JfrProfiles.EXECUTION_SAMPLE)
                    .withPeriod(Duration.ofMillis(10))
                    .withStackTrace();
            recording.start();
            spinFor(Duration.ofMillis(700));
            recording.stop();
            events = JfrRecordings.events(recording);
        }
        TestingPprof profile = TestingPprof.decode(
                JfrProfiles.cpu(new SymbolTable(1000), events, 10_000_000).encode());
        assertThat(profile.stacks())
                .anySatisfy(stack -> assertThat(stack).anyMatch(frame -> frame.endsWith("TestJfrProfiles.spinFor")));
        assertThat(profile.functions.values())
                .filteredOn(function -> function.name().endsWith("TestJfrProfiles.spinFor"))
                .allSatisfy(function -> {
                    assertThat(function.filename()).isEqualTo("io/strata/introspection/internal/TestJfrProfiles.java");
                    assertThat(function.systemName()).isEqualTo(function.name() + "(Ljava/time/Duration;)J");
                });
        assertThat(profile.samples)
                .allSatisfy(sample -> assertThat(sample.labels()).containsKey("thread"));
    }

    /** CPU work for a while; returns something so the JIT keeps the loop. */
    static long spinFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long sum = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                sum += (long) i * i ^ sum >>> 3;
            }
        }
        return sum;
    }
}
