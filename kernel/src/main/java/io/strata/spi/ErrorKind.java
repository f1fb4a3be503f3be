package io.strata.spi;

/** What went wrong, independent of the protocol; the kernel maps each kind to one HTTP status. */
public enum ErrorKind {
    INVALID_ARGUMENT(400),
    UNAUTHENTICATED(401),
    PERMISSION_DENIED(403),
    NOT_FOUND(404),
    CONFLICT(409),
    GONE(410),
    RESOURCE_EXHAUSTED(429),
    INTERNAL(500),
    NOT_ENABLED(501),
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
