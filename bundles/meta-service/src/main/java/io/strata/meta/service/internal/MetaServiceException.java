package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.StrataException;

/**
 * A failed meta-service call: the reference's precise code and its message. The kernel renders it
 * as {@code {"code": <category>, "msg": <message>}} with the code's HTTP status.
 */
final class MetaServiceException extends StrataException {
    private static final long serialVersionUID = 1L;

    private final MetaServiceCode code;

    MetaServiceException(MetaServiceCode code, String message) {
        super(requireNonNull(code, "code is null").kind(), message);
        this.code = code;
    }

    MetaServiceException(MetaServiceCode code, String message, Throwable cause) {
        super(requireNonNull(code, "code is null").kind(), message, cause);
        this.code = code;
    }

    MetaServiceCode code() {
        return code;
    }

    static MetaServiceException invalid(String message) {
        return new MetaServiceException(MetaServiceCode.INVALID_ARGUMENT, message);
    }
}
