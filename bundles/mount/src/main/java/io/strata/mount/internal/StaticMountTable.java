package io.strata.mount.internal;

import io.strata.mount.MountPoint;
import io.strata.mount.StrataPaths;
import io.strata.spi.StrataException;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A mount table read from a properties file ({@code strata.mount.table.static}), as in the
 * Kubernetes examples of the reference:
 *
 * <pre>
 * root.ufs=s3a://bucket/
 * root.option.s3a.accessKeyId=...
 * logs.path=/logs
 * logs.ufs=file:///var/log/
 * </pre>
 *
 * Each mount has a name; {@code <name>.ufs} is required, {@code <name>.path} too except for
 * {@code root}, which is mounted at {@code /}. Keys may carry the prefix {@code strata.mount.table.}
 * (so the site file itself can hold the table); other {@code strata.*} keys are ignored.
 */
final class StaticMountTable {
    static final String PREFIX = "strata.mount.table.";
    static final String ROOT = "root";

    private StaticMountTable() {}

    /**
     * The mounts of the file, sorted by path.
     *
     * @throws IllegalArgumentException naming the file and the faulty key
     */
    static SortedMap<String, MountPoint> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the static mount table " + file + ": " + e, e);
        }
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String name = key;
            if (key.startsWith(PREFIX)) {
                name = key.substring(PREFIX.length());
            } else if (key.startsWith("strata.")) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot <= 0) {
                if (key.startsWith(PREFIX) && name.equals("static")) {
                    continue;
                }
                throw new IllegalArgumentException("Static mount table " + file + ": key " + key
                        + " is not <name>.path, <name>.ufs or <name>.option.<key>");
            }
            byName.computeIfAbsent(name.substring(0, dot), ignored -> new LinkedHashMap<>())
                    .put(name.substring(dot + 1), properties.getProperty(key).strip());
        }
        SortedMap<String, MountPoint> mounts = new TreeMap<>();
        List<MountPoint> accepted = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : byName.entrySet()) {
            MountPoint mount = mount(file, entry.getKey(), entry.getValue());
            try {
                MountRules.checkConflicts(mount, accepted);
            } catch (StrataException e) {
                throw new IllegalArgumentException("Static mount table " + file + ": " + e.getMessage(), e);
            }
            accepted.add(mount);
            mounts.put(mount.path(), mount);
        }
        return mounts;
    }

    private static MountPoint mount(Path file, String name, Map<String, String> keys) {
        String where = "Static mount table " + file + ", mount " + name + ": ";
        String path = keys.get("path");
        if (path == null && name.equals(ROOT)) {
            path = "/";
        }
        String ufs = keys.get("ufs");
        if (path == null || path.isEmpty() || ufs == null || ufs.isEmpty()) {
            throw new IllegalArgumentException(where + "both " + name + ".path and " + name + ".ufs are required");
        }
        SortedMap<String, String> options = new TreeMap<>();
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (key.getKey().startsWith("option.") && key.getKey().length() > "option.".length()) {
                options.put(key.getKey().substring("option.".length()), key.getValue());
            } else if (!key.getKey().equals("path") && !key.getKey().equals("ufs")) {
                throw new IllegalArgumentException(
                        where + "unknown key " + name + "." + key.getKey() + " (expected path, ufs or option.<key>)");
            }
        }
        try {
            URI uri = UfsUris.normalize(ufs);
            return new MountPoint(StrataPaths.normalize(path), uri, options);
        } catch (StrataException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }
}
