package io.strata.kernel.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestHostExports {
    @Test
    void testOsgiVersions() {
        assertThat(HostExports.osgiVersion("3.9.5")).isEqualTo("3.9.5");
        assertThat(HostExports.osgiVersion("2.22")).isEqualTo("2.22.0");
        assertThat(HostExports.osgiVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0.SNAPSHOT");
        assertThat(HostExports.osgiVersion("4.1.130.Final")).isEqualTo("4.1.130.Final");
        assertThat(HostExports.osgiVersion("garbage")).isEqualTo("0.0.0");
    }

    @Test
    void testHeaderClausesRespectQuotes() {
        List<HeaderClauses.Clause> clauses =
                HeaderClauses.parse("a.b;c.d;version=\"1.2\";uses:=\"x.y,z.w\",e.f;version=3,g.h");
        assertThat(clauses).hasSize(3);
        assertThat(clauses.get(0).paths()).containsExactly("a.b", "c.d");
        assertThat(clauses.get(0).attributes()).isEqualTo(Map.of("version", "1.2"));
        assertThat(clauses.get(1).attributes()).isEqualTo(Map.of("version", "3"));
        assertThat(clauses.get(2).paths()).containsExactly("g.h");
    }

    /** Prefetched exports are those {@link HostExports#compute} gives, taken once; then they are computed. */
    @Test
    void testPrefetchedExportsAreTheComputedOnes() {
        ClassLoader loader = getClass().getClassLoader();
        List<Path> classPath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
        Map<String, String> computed = HostExports.compute(loader, classPath);
        assertThat(computed).containsKey("org.apache.curator.framework");

        HostExports.prefetch(loader);
        assertThat(HostExports.takePrefetched(loader, classPath)).isEqualTo(computed);
        // nothing prefetched any more: computed for the class path given
        assertThat(HostExports.takePrefetched(loader, List.of())).isEqualTo(HostExports.compute(loader, List.of()));
    }

    /** The real host class path: the shared libraries are exported with versions, the rest is not. */
    @Test
    void testSharesOnlyTheNamedLibrariesWithVersions() {
        Map<String, String> exports = HostExports.compute(getClass().getClassLoader(), List.of());
        assertThat(exports)
                .containsKeys(
                        "jakarta.ws.rs",
                        "com.fasterxml.jackson.databind",
                        "com.codahale.metrics",
                        "org.apache.curator.framework",
                        "org.slf4j",
                        "io.strata.spi",
                        "io.strata.spi.http",
                        "io.strata.api.v1",
                        "org.osgi.service.cm",
                        "org.osgi.service.component");
        assertThat(exports.get("jakarta.ws.rs")).startsWith("3.1");
        assertThat(exports.keySet())
                .noneMatch(name -> name.startsWith("org.eclipse.jetty") || name.startsWith("org.glassfish.jersey"));
        assertThat(HostExports.systemPackagesExtra(Map.of("a.b", "1.0.0"))).isEqualTo("a.b;version=\"1.0.0\"");
    }
}
