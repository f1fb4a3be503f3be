package io.strata.spi.ufs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A failure of a UFS operation, typed so that callers can choose an HTTP status and whether to
 * retry. The message is shown to users: it says what failed and why, and never holds a secret.
 */
public final class UfsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The path does not exist (or is not of the expected type: a file where a directory is needed). */
        NOT_FOUND,
        /** The store refused the credentials or the operation, or the path leaves the mount's root. */
        PERMISSION_DENIED,
        /** The path or an argument is not valid for this store (not a file, bad range). */
        INVALID_ARGUMENT,
        /** The URI or the options cannot work (unknown option value, malformed endpoint); fixing the mount is needed. */
        INVALID_CONFIGURATION,
        /** A failure that may pass: throttling, a timeout, a dropped connection. Retrying may succeed. */
        TRANSIENT,
        /** The store cannot be reached or used at all (no route, unknown host, missing bucket or folder). */
        UNAVAILABLE
    }

    private final Kind kind;

    public UfsException(Kind kind, String message) {
        super(requireNonNull(message, "message is null"));
        this.kind = requireNonNull(kind, "kind is null");
    }

    public UfsException(Kind kind, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the same call may succeed when retried unchanged. */
    public boolean retryable() {
        return kind == Kind.TRANSIENT;
    }
}
