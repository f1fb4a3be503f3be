package io.strata.mount;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One mount: the UFS at {@code ufs} appears at the Strata path {@code path}.
 *
 * @param path normalized Strata path (see {@link StrataPaths#normalize})
 * @param ufs the UFS URI, scheme in lowercase, path ending in {@code /}
 * @param options the connector's options in clear, sorted by name; never show or log them as
 *     they are: use {@link #maskedOptions()}
 */
public record MountPoint(String path, URI ufs, SortedMap<String, String> options) {
    /** What a secret option's value reads as wherever it is shown. */
    public static final String MASK = "******";

    public MountPoint {
        requireNonNull(path, "path is null");
        requireNonNull(ufs, "ufs is null");
        requireNonNull(options, "options is null");
        if (!StrataPaths.normalize(path).equals(path)) {
            throw new IllegalArgumentException("path is not normalized: " + path);
        }
        if (ufs.getScheme() == null || ufs.getPath() == null || !ufs.getPath().endsWith("/")) {
            throw new IllegalArgumentException("ufs is not a normalized UFS URI: " + ufs);
        }
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        options.forEach((name, value) -> {
            requireNonNull(name, "option name is null");
            requireNonNull(value, "value of option " + name + " is null");
        });
    }

    public MountPoint(String path, URI ufs, Map<String, String> options) {
        this(path, ufs, new TreeMap<>(requireNonNull(options, "options is null")));
    }

    /** The URI scheme of the UFS, lowercase. */
    public String scheme() {
        return ufs.getScheme();
    }

    /** The options with every secret value replaced by {@value #MASK}. */
    public SortedMap<String, String> maskedOptions() {
        SortedMap<String, String> masked = new TreeMap<>();
        options.forEach((name, value) -> masked.put(name, isSecret(name) ? MASK : value));
        return Collections.unmodifiableSortedMap(masked);
    }

    /**
     * Whether an option holds a secret: its name contains {@code secret}, {@code key},
     * {@code password}, {@code token} or {@code credential}, in any case ({@code s3a.secretKey},
     * {@code s3a.accessKeyId}, {@code hdfs.keytab}).
     */
    public static boolean isSecret(String optionName) {
        String name = optionName.toLowerCase(Locale.ROOT);
        return name.contains("secret")
                || name.contains("key")
                || name.contains("password")
                || name.contains("token")
                || name.contains("credential");
    }

    /** For logs: the path, the URI and the masked options. */
    @Override
    public String toString() {
        return "MountPoint[path=" + path + ", ufs=" + ufs + ", options=" + maskedOptions() + "]";
    }
}
