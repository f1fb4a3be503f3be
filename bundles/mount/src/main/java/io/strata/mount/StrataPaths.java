package io.strata.mount;

import static java.util.Objects.requireNonNull;

import io.strata.spi.StrataException;

/** Strata paths: absolute, {@code /}-separated, no {@code .} or {@code ..} segments. */
public final class StrataPaths {
    private StrataPaths() {}

    /**
     * The canonical form of {@code path}: repeated slashes collapsed, no trailing slash (except for
     * the root {@code /}).
     *
     * @throws StrataException {@code INVALID_ARGUMENT} for a relative path or one with {@code .} or
     *     {@code ..} segments or control characters
     */
    public static String normalize(String path) {
        requireNonNull(path, "path is null");
        if (!path.startsWith("/")) {
            throw StrataException.invalidArgument("Invalid path " + path + ": it must start with /");
        }
        StringBuilder normalized = new StringBuilder(path.length());
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw StrataException.invalidArgument("Invalid path " + path + ": . and .. are not allowed");
            }
            for (int i = 0; i < segment.length(); i++) {
                if (Character.isISOControl(segment.charAt(i))) {
                    throw StrataException.invalidArgument("Invalid path: it contains control characters");
                }
            }
            normalized.append('/').append(segment);
        }
        return normalized.length() == 0 ? "/" : normalized.toString();
    }

    /** Whether the normalized path {@code path} is {@code ancestor} or lies below it. */
    public static boolean isWithin(String path, String ancestor) {
        return ancestor.equals("/") || path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    /** {@code path} relative to its normalized ancestor {@code mountPath}, without leading slash. */
    public static String relativize(String path, String mountPath) {
        if (!isWithin(path, mountPath)) {
            throw new IllegalArgumentException(path + " is not within " + mountPath);
        }
        if (path.equals(mountPath)) {
            return "";
        }
        return mountPath.equals("/") ? path.substring(1) : path.substring(mountPath.length() + 1);
    }

    /** The Strata path of the entry {@code relative} (a UFS path) of the mount at {@code mountPath}. */
    public static String join(String mountPath, String relative) {
        if (relative.isEmpty()) {
            return mountPath;
        }
        return mountPath.equals("/") ? "/" + relative : mountPath + "/" + relative;
    }
}
