package io.strata.kernel.internal.osgi;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The packages the host class path shares with bundles (the system bundle's
 * {@code org.osgi.framework.system.packages.extra}), with versions read from the host jars
 * themselves: their {@code Export-Package} header, or for a jar without OSGi headers (ZooKeeper)
 * its packages at the jar's Maven version. Only the libraries DESIGN.md names are shared.
 */
public final class HostExports {
    static final List<String> SHARED_PREFIXES = List.of(
            "io.strata.spi",
            "io.strata.api.v1",
            "jakarta.ws.rs",
            "jakarta.inject",
            "jakarta.annotation",
            "jakarta.servlet",
            "com.fasterxml.jackson",
            "com.codahale.metrics",
            "org.apache.curator",
            "org.apache.zookeeper",
            "org.apache.jute",
            "org.slf4j",
            "org.osgi.service.cm",
            "org.osgi.service.metatype",
            "org.osgi.service.component",
            "org.osgi.service.jakartars",
            "org.osgi.service.log",
            "org.osgi.util.promise",
            "org.osgi.util.function");

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(.*)");

    /** The exports being read since {@link #prefetch}, for the next {@link #takePrefetched}. */
    private static final AtomicReference<CompletableFuture<Map<String, String>>> PREFETCHED = new AtomicReference<>();

    private HostExports() {}

    /**
     * Starts {@link #compute computing} the exports of {@code loader} and the JVM's class path on a
     * thread of its own (it reads every jar's manifest: a few hundred ms), so that it overlaps with
     * what the launcher does first (logging, configuration). Logs nothing, so it can run before
     * logging is set up.
     */
    public static void prefetch(ClassLoader loader) {
        CompletableFuture<Map<String, String>> exports = new CompletableFuture<>();
        if (PREFETCHED.compareAndSet(null, exports)) {
            List<Path> classPath = Arrays.stream(
                            System.getProperty("java.class.path", "").split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(Path::of)
                    .toList();
            Thread thread = new Thread(
                    () -> {
                        try {
                            exports.complete(compute(loader, classPath));
                        } catch (RuntimeException | Error e) {
                            exports.completeExceptionally(e);
                        }
                    },
                    "strata-host-exports");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The prefetched exports when there are any (once), else {@link #compute}. */
    public static Map<String, String> takePrefetched(ClassLoader loader, List<Path> classPath) {
        CompletableFuture<Map<String, String>> prefetched = PREFETCHED.getAndSet(null);
        if (prefetched == null) {
            return compute(loader, classPath);
        }
        try {
            return prefetched.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Package name → OSGi version, sorted, for every shared package on the host class path. */
    public static Map<String, String> compute(ClassLoader loader, List<Path> classPath) {
        Map<String, String> exports = new TreeMap<>();
        try {
            Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    String header = new Manifest(in).getMainAttributes().getValue("Export-Package");
                    if (header != null) {
                        addClauses(exports, header);
                    }
                }
            }
            for (Path entry : classPath) {
                if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                    addPlainJar(exports, entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host class path", e);
        }
        return exports;
    }

    /** The value of {@code org.osgi.framework.system.packages.extra}. */
    public static String systemPackagesExtra(Map<String, String> exports) {
        return exports.entrySet().stream()
                .map(entry -> entry.getKey() + ";version=\"" + entry.getValue() + "\"")
                .collect(Collectors.joining(","));
    }

    static boolean shared(String packageName) {
        return SHARED_PREFIXES.stream()
                .anyMatch(prefix -> packageName.equals(prefix) || packageName.startsWith(prefix + "."));
    }

    private static void addClauses(Map<String, String> exports, String header) {
        for (HeaderClauses.Clause clause : HeaderClauses.parse(header)) {
            String version = clause.attributes()
                    .getOrDefault("version", clause.attributes().getOrDefault("specification-version", "0.0.0"));
            for (String packageName : clause.paths()) {
                if (shared(packageName)) {
                    exports.merge(packageName, osgiVersion(version), HostExports::higher);
                }
            }
        }
    }

    private static void addPlainJar(Map<String, String> exports, Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest != null && manifest.getMainAttributes().getValue("Export-Package") != null) {
                return;
            }
            String version = null;
            Map<String, String> found = new TreeMap<>();
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties properties = new Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        properties.load(in);
                    }
                    version = properties.getProperty("version");
                } else if (name.endsWith(".class") && name.indexOf('/') > 0 && !name.startsWith("META-INF/")) {
                    String packageName =
                            name.substring(0, name.lastIndexOf('/')).replace('/', '.');
                    if (shared(packageName)) {
                        found.put(packageName, "");
                    }
                }
            }
            String packageVersion = osgiVersion(version == null ? "0.0.0" : version);
            found.keySet().forEach(packageName -> exports.putIfAbsent(packageName, packageVersion));
        }
    }

    /** {@code 3.9.5} → {@code 3.9.5}; {@code 1.2-SNAPSHOT} → {@code 1.2.0.SNAPSHOT}. */
    static String osgiVersion(String version) {
        Matcher matcher = VERSION.matcher(version.strip());
        if (!matcher.matches()) {
            return "0.0.0";
        }
        String qualifier = matcher.group(4).replaceAll("^[.-]", "").replaceAll("[^A-Za-z0-9_-]", "_");
        return matcher.group(1) + "." + (matcher.group(2) == null ? "0" : matcher.group(2)) + "."
                + (matcher.group(3) == null ? "0" : matcher.group(3)) + (qualifier.isEmpty() ? "" : "." + qualifier);
    }

    private static String higher(String left, String right) {
        return org.osgi.framework.Version.parseVersion(left).compareTo(org.osgi.framework.Version.parseVersion(right))
                        >= 0
                ? left
                : right;
    }
}
