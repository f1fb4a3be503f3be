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

    static byte[] bundle(String symbolicName, String version, Map<String, String> extraHeaders) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
