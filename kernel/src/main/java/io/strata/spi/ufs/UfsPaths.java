package io.strata.spi.ufs;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/** Checks of the relative paths connectors take and return, and the order of listings. */
public final class UfsPaths {
    /** Names by Unicode code point, which is the UTF-8 byte order object stores list keys in. */
    public static final Comparator<String> NAME_ORDER = UfsPaths::compareCodePoints;

    private UfsPaths() {}

    /**
     * Fails unless {@code path} is a relative UFS path: {@code ""}, or {@code /}-separated
     * non-empty segments other than {@code .} and {@code ..}, without leading or trailing slash.
     *
     * @return the path
     */
    public static String checkRelative(String path) {
        requireNonNull(path, "path is null");
        if (path.isEmpty()) {
            return path;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a relative UFS path: " + path);
            }
        }
        return path;
    }

    /**
     * Fails unless a ranged read's {@code offset} and {@code length} are both non-negative.
     *
     * @throws UfsException {@code INVALID_ARGUMENT} naming both
     */
    public static void checkRange(long offset, long length) throws UfsException {
        if (offset < 0 || length < 0) {
            throw new UfsException(
                    UfsException.Kind.INVALID_ARGUMENT, "Invalid range: offset " + offset + ", length " + length);
        }
    }

    /** The entry {@code name} (one segment) inside the directory {@code parent}; both relative. */
    public static String child(String parent, String name) {
        checkRelative(name);
        if (name.contains("/") || name.isEmpty()) {
            throw new IllegalArgumentException("not a single path segment: " + name);
        }
        return parent.isEmpty() ? name : checkRelative(parent) + "/" + name;
    }

    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}
