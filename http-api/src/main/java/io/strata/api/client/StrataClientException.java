package io.strata.api.client;

/** A call answered with an error status, or could not be made at all (status 0). */
public final class StrataClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public StrataClientException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public StrataClientException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
    }

    /** The HTTP status, or 0 when no answer was received. */
    public int statusCode() {
        return statusCode;
    }
}
