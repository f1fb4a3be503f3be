package io.strata.cache.internal.read;

import java.util.Optional;

/**
 * The conditional request headers a file read honours (RFC 9110, section 13): {@code If-None-Match}
 * (a client that holds the file's current version gets 304 without a body) and {@code If-Range} (a
 * resumed download gets its range only while the file is the one it started on, else the whole file).
 */
final class Conditions {
    private Conditions() {}

    /**
     * Whether {@code If-None-Match} names the current version ({@code *} or one of its entity tags,
     * compared weakly: {@code W/"x"} matches {@code "x"}), so the answer is 304. False when absent.
     */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String current = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (!tag.isEmpty() && opaque(tag).equals(current))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a {@code Range} may be served under {@code If-Range}: always when the header is absent;
     * for an entity tag only when it is the current one, compared strongly (a weak tag never
     * matches); for a date only when it is exactly the file's {@code Last-Modified}.
     */
    static boolean rangeApplies(String ifRange, String etag, Optional<String> lastModified) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("W/")) {
            return false;
        }
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        return lastModified.isPresent() && lastModified.get().equals(value);
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
