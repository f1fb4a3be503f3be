package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.introspection.internal.PprofBuilder.Frame;
import io.strata.introspection.internal.PprofBuilder.ValueType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestPprofBuilder {
    private static final Frame WORK =
            new Frame("io.strata.Busy.work", "io.strata.Busy.work()V", "io/strata/Busy.java", 42);
    private static final Frame RUN =
            new Frame("io.strata.Busy.run", "io.strata.Busy.run()V", "io/strata/Busy.java", 10);
    private static final Frame MAIN =
            new Frame("java.lang.Thread.run", "java.lang.Thread.run()V", "java/lang/Thread.java", 833);

    private static PprofBuilder cpuProfile(SymbolTable symbols) {
        PprofBuilder builder = new PprofBuilder(
                symbols,
                List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
                new ValueType("cpu", "nanoseconds"),
                10_000_000,
                "cpu");
        builder.window(1_700_000_000_000_000_000L, 2_000_000_000L).comment("test profile");
        builder.add(List.of(WORK, RUN, MAIN), new long[] {1, 10_000_000}, Map.of("thread", "worker-1"));
        builder.add(List.of(WORK, RUN, MAIN), new long[] {1, 10_000_000}, Map.of("thread", "worker-1"));
        builder.add(List.of(RUN, MAIN), new long[] {1, 10_000_000}, Map.of("thread", "worker-2"));
        return builder;
    }

    @Test
    void testEncodesEveryPartOfTheProfile() {
        SymbolTable symbols = new SymbolTable(100);
        TestingPprof profile = TestingPprof.decode(cpuProfile(symbols).encode());

        assertThat(profile.strings.get(0)).isEmpty();
        assertThat(profile.sampleTypes)
                .containsExactly(
                        new TestingPprof.ValueType("samples", "count"),
                        new TestingPprof.ValueType("cpu", "nanoseconds"));
        assertThat(profile.periodType).isEqualTo(new TestingPprof.ValueType("cpu", "nanoseconds"));
        assertThat(profile.period).isEqualTo(10_000_000);
        assertThat(profile.defaultSampleType).isEqualTo("cpu");
        assertThat(profile.timeNanos).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(profile.durationNanos).isEqualTo(2_000_000_000L);
        assertThat(profile.comments).containsExactly("test profile");

        // equal stacks with equal labels are merged
        assertThat(profile.stacks())
                .containsExactly(
                        List.of("io.strata.Busy.work", "io.strata.Busy.run", "java.lang.Thread.run"),
                        List.of("io.strata.Busy.run", "java.lang.Thread.run"));
        assertThat(profile.samples.get(0).values()).containsExactly(2L, 20_000_000L);
        assertThat(profile.samples.get(0).labels()).containsExactly(Map.entry("thread", "worker-1"));
        assertThat(profile.samples.get(1).labels()).containsExactly(Map.entry("thread", "worker-2"));
        assertThat(profile.total("cpu")).isEqualTo(30_000_000L);

        assertThat(profile.functions.values())
                .extracting(
                        TestingPprof.Function::name, TestingPprof.Function::systemName, TestingPprof.Function::filename)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "io.strata.Busy.work", "io.strata.Busy.work()V", "io/strata/Busy.java"),
                        org.assertj.core.groups.Tuple.tuple(
                                "io.strata.Busy.run", "io.strata.Busy.run()V", "io/strata/Busy.java"),
                        org.assertj.core.groups.Tuple.tuple(
                                "java.lang.Thread.run", "java.lang.Thread.run()V", "java/lang/Thread.java"));
        assertThat(profile.mappings).singleElement().satisfies(mapping -> {
            assertThat(mapping.hasFunctions()).isTrue();
            assertThat(mapping.hasFilenames()).isTrue();
            assertThat(mapping.hasLineNumbers()).isTrue();
            assertThat(mapping.memoryStart()).isEqualTo(SymbolTable.BASE);
        });
        TestingPprof.Mapping mapping = profile.mappings.get(0);
        for (TestingPprof.Location location : profile.locations.values()) {
            assertThat(location.mappingId()).isEqualTo(mapping.id());
            assertThat(location.address()).isBetween(mapping.memoryStart(), mapping.memoryLimit() - 1);
            TestingPprof.Function function =
                    profile.functions.get(location.lines().get(0).functionId());
            // the address resolves to the location's function through /pprof/symbol
            assertThat(symbols.symbol(location.address())).contains(function.name());
        }
        assertThat(profile.locations.values())
                .extracting(location -> location.lines().get(0).line())
                .containsExactly(42L, 10L, 833L);
    }

    @Test
    void testAddressesStayTheSameAcrossProfiles() {
        SymbolTable symbols = new SymbolTable(100);
        TestingPprof first = TestingPprof.decode(cpuProfile(symbols).encode());
        TestingPprof second = TestingPprof.decode(cpuProfile(symbols).encode());
        assertThat(second.locations.values())
                .extracting(TestingPprof.Location::address)
                .containsExactlyElementsOf(first.locations.values().stream()
                        .map(TestingPprof.Location::address)
                        .toList());
    }

    @Test
    void testGoToolPprofReadsTheProfile() {
        String top =
                TestingCommands.goToolPprof(cpuProfile(new SymbolTable(100)).encode(), "-top");
        assertThat(top)
                .contains("Type: cpu")
                .contains("test profile")
                .contains("io.strata.Busy.work")
                .contains("java.lang.Thread.run");
        assertThat(top).containsPattern("20ms\\s+66\\.67%.*io\\.strata\\.Busy\\.work");
        String traces =
                TestingCommands.goToolPprof(cpuProfile(new SymbolTable(100)).encode(), "-traces");
        assertThat(traces).containsPattern("thread:\\s+worker-1").contains("io.strata.Busy.work");
    }

    @Test
    void testAnEmptyProfileIsStillReadable() {
        PprofBuilder empty = new PprofBuilder(
                new SymbolTable(10),
                List.of(new ValueType("inuse_space", "bytes")),
                new ValueType("space", "bytes"),
                0,
                "inuse_space");
        assertThat(TestingPprof.decode(empty.encode()).samples).isEmpty();
        assertThat(TestingCommands.goToolPprof(empty.encode(), "-top")).contains("Type: inuse_space");
    }

    @Test
    void testRefusesValuesThatDoNotMatchTheSampleTypes() {
        PprofBuilder builder = cpuProfile(new SymbolTable(10));
        assertThatThrownBy(() -> builder.add(List.of(WORK), new long[] {1}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PprofBuilder(
                        new SymbolTable(10), List.of(new ValueType("a", "count")), new ValueType("a", "count"), 0, "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
