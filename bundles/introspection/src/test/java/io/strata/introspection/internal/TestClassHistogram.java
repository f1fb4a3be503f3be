package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestClassHistogram {
    @Test
    void testParsesTheDiagnosticCommandText() {
        String text = String.join(
                "\n",
                " num     #instances         #bytes  class name (module)",
                "-------------------------------------------------------",
                "   1:          5474         524632  [B (java.base@17.0.15)",
                "   2:          1420         166680  java.lang.Class (java.base@17.0.15)",
                "   3:            10            400  [[Ljava.lang.String; (java.base@17.0.15)",
                "   4:             2             32  io.strata.Foo",
                "   5:             1             16  io.strata.Foo",
                "Total         30120        1727312");
        Map<String, ClassHistogram.Entry> entries = ClassHistogram.parse(text);
        assertThat(entries)
                .containsExactly(
                        Map.entry("byte[]", new ClassHistogram.Entry(5474, 524632)),
                        Map.entry("java.lang.Class", new ClassHistogram.Entry(1420, 166680)),
                        Map.entry("java.lang.String[][]", new ClassHistogram.Entry(10, 400)),
                        Map.entry("io.strata.Foo", new ClassHistogram.Entry(3, 48)));
    }

    @Test
    void testTakesTheHistogramOfThisJvm() {
        assertThat(ClassHistogram.take()).containsKey("java.lang.String").containsKey("byte[]");
    }
}
