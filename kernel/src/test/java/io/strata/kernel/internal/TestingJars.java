package io.strata.kernel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Bundle jars made in the test: a manifest and a few entries, no code. */
final class TestingJars {
    private TestingJars() {}

    /** The bytes of a class file on the test class path, as a jar entry name → content. */
    static Map.Entry<String, byte[]> classEntry(Class<?> type) {
        String name = type.getName().replace('.', '/') + ".class";
        try (java.io.InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            return Map.entry(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bundle(String symbolicName, String version, Map<String, String> extraHeaders) {
        return bundle(symbolicName, version, extraHeaders, Map.of());
    }

    /** A bundle that also carries the given entries (e.g. class files copied from the test class path). */
    static byte[] bundle(
            String symbolicName, String version, Map<String, String> extraHeaders, Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        if (symbolicName != null) {
            attributes.putValue("Bundle-SymbolicName", symbolicName);
        }
        attributes.putValue("Bundle-Version", version);
        extraHeaders.forEach(attributes::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("readme.txt"));
            jar.write(("bundle " + symbolicName + " " + version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
