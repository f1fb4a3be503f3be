package io.strata.spi;

import static java.util.Objects.requireNonNull;

/**
 * The one exception domain code throws. Its message is what the caller sees (for HTTP, the
 * {@code status} of the error body), so it must be written for the caller and never hold secrets.
 */
public class StrataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public StrataException(ErrorKind kind, String message) {
        super(requireNonNull(message, "message is null"));
        this.kind = requireNonNull(kind, "kind is null");
    }

    public StrataException(ErrorKind kind, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public ErrorKind kind() {
        return kind;
    }

    public static StrataException invalidArgument(String message) {
        return new StrataException(ErrorKind.INVALID_ARGUMENT, message);
    }

    public static StrataException notFound(String message) {
        return new StrataException(ErrorKind.NOT_FOUND, message);
    }

    public static StrataException conflict(String message) {
        return new StrataException(ErrorKind.CONFLICT, message);
    }
}
