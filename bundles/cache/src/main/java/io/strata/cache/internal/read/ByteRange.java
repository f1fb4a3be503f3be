package io.strata.cache.internal.read;

import java.util.Optional;

/**
 * The bytes {@code [start, end)} of a file that a request asks for: the whole file, or the one range
 * of a {@code Range: bytes=...} header (RFC 9110 §14.1.2).
 */
record ByteRange(long start, long end, boolean partial) {
    /** The answer to a range that lies wholly past the end of the file (416). */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable(String message) {
            super(message, null, false, false);
        }
    }

    long length() {
        return end - start;
    }

    /**
     * The range a {@code Range} header asks for in a file of {@code fileLength} bytes. A missing
     * header, a unit other than bytes, several ranges or a malformed one read the whole file (a
     * server may ignore a Range header it does not serve, and answers 200).
     *
     * @throws Unsatisfiable when the range starts at or past the end of the file (or asks for the
     *     last 0 bytes)
     */
    static ByteRange of(Optional<String> header, long fileLength) throws Unsatisfiable {
        ByteRange whole = new ByteRange(0, fileLength, false);
        if (header.isEmpty()) {
            return whole;
        }
        String value = header.get().strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return whole;
        }
        String spec = value.substring(6).strip();
        if (spec.contains(",")) {
            return whole;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        try {
            if (first.isEmpty()) {
                // bytes=-N: the last N bytes
                long suffix = Long.parseLong(last);
                if (suffix < 0) {
                    return whole;
                }
                if (suffix == 0 || fileLength == 0) {
                    throw new Unsatisfiable("bytes=-0 of a " + fileLength + "-byte file");
                }
                return new ByteRange(Math.max(0, fileLength - suffix), fileLength, true);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? fileLength - 1 : Long.parseLong(last);
            if (start < 0 || (!last.isEmpty() && end < start)) {
                return whole;
            }
            if (start >= fileLength) {
                throw new Unsatisfiable("range starts at " + start + ", the file has " + fileLength + " bytes");
            }
            return new ByteRange(start, Math.min(end, fileLength - 1) + 1, true);
        } catch (NumberFormatException e) {
            return whole;
        }
    }
}
