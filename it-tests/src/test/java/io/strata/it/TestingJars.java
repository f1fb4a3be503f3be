package io.strata.it;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Variants of the example bundle {@code examples/strata-example-hello.jar} for the tests: a jar
 * that answers differently, one that cannot resolve, one that is no bundle at all.
 */
final class TestingJars {
    /** Bundle-SymbolicName of the example bundle. */
    static final String HELLO_NAME = "io.strata.example.hello";

    static final String HELLO_VERSION = "0.1.0.SNAPSHOT";
    /** The example's answer: greeting.txt plus the default suffix "!". */
    static final String HELLO_GREETING = "Hello from Strata!";

    static final String HELLO_PATH = "/api/v1/hello";
    /** The example's direct route (served beside Jakarta REST): the greeting as plain text. */
    static final String HELLO_TEXT_PATH = "/api/v1/hello.txt";
    /** Every route the example publishes, in the order the kernel reports them. */
    static final List<String> HELLO_ROUTES =
            List.of("GET " + HELLO_PATH, "GET " + HELLO_TEXT_PATH, "HEAD " + HELLO_TEXT_PATH);

    private static final String GREETING_ENTRY = "io/strata/example/hello/internal/greeting.txt";

    private TestingJars() {}

    static Path exampleJar(Path home) {
        Path jar = home.resolve("examples/strata-example-hello.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the tarball has no " + jar);
        }
        return jar;
    }

    /** The example bundle answering {@code greeting + "!"}, with Bundle-Version {@code version}. */
    static Path withGreeting(Path example, Path target, String greeting, String version) {
        requireNonNull(greeting, "greeting is null");
        requireNonNull(version, "version is null");
        return rewrite(
                example,
                target,
                attributes -> attributes.putValue("Bundle-Version", version),
                Map.of(GREETING_ENTRY, (greeting + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The example bundle renamed to {@code symbolicName} and importing {@code missingPackage}, which nobody exports. */
    static Path unresolvable(Path example, Path target, String symbolicName, String missingPackage) {
        requireNonNull(symbolicName, "symbolicName is null");
        requireNonNull(missingPackage, "missingPackage is null");
        return rewrite(
                example,
                target,
                attributes -> {
                    attributes.putValue("Bundle-SymbolicName", symbolicName);
                    attributes.putValue(
                            "Import-Package",
                            attributes.getValue("Import-Package") + "," + missingPackage + ";version=\"[1.0,2)\"");
                },
                Map.of());
    }

    /** The example bundle's content with a manifest that lacks Bundle-SymbolicName: a plain jar. */
    static Path withoutSymbolicName(Path example, Path target) {
        return rewrite(
                example, target, attributes -> attributes.remove(new Attributes.Name("Bundle-SymbolicName")), Map.of());
    }

    /**
     * Copies {@code source} to {@code target} with its main manifest attributes edited and the
     * given entries' content replaced.
     */
    static Path rewrite(
            Path source, Path target, Consumer<Attributes> editManifest, Map<String, byte[]> replacedEntries) {
        requireNonNull(editManifest, "editManifest is null");
        requireNonNull(replacedEntries, "replacedEntries is null");
        try (JarFile in = new JarFile(source.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            editManifest.accept(manifest.getMainAttributes());
            Set<String> replaced = new HashSet<>();
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    byte[] replacement = replacedEntries.get(entry.getName());
                    if (replacement != null) {
                        out.write(replacement);
                        replaced.add(entry.getName());
                    } else {
                        try (InputStream content = in.getInputStream(entry)) {
                            content.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            if (!replaced.equals(replacedEntries.keySet())) {
                throw new IllegalStateException(source + " lacks some of the entries " + replacedEntries.keySet()
                        + " (found " + replaced + ")");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + source + " into " + target, e);
        }
    }
}
