package io.strata.meta.service.internal;

import io.strata.spi.ErrorKind;

/**
 * The reference's {@code MetaServiceCode}s that Strata produces. On the wire the envelope's
 * {@code code} is only the HTTP category ({@link #category()}); the precise name appears inside a
 * {@code result}'s own {@code status}.
 */
enum MetaServiceCode implements Proto.ProtoEnum {
    OK(0),
    INVALID_ARGUMENT(1001),
    KV_TXN_CREATE_ERR(1002),
    KV_TXN_GET_ERR(1003),
    KV_TXN_COMMIT_ERR(1004),
    KV_TXN_CONFLICT(1005),
    PROTOBUF_PARSE_ERR(1006),
    PROTOBUF_SERIALIZE_ERR(1007),
    TXN_LABEL_ALREADY_USED(2003),
    TXN_INVALID_STATUS(2004),
    TXN_LABEL_NOT_FOUND(2005),
    TXN_ID_NOT_FOUND(2006),
    TXN_ALREADY_ABORTED(2007),
    TXN_ALREADY_VISIBLE(2008),
    TABLET_NOT_FOUND(2011),
    CLUSTER_NOT_FOUND(3001),
    ALREADY_EXISTED(3002),
    CLUSTER_ENDPOINT_MISSING(3003),
    STORAGE_VAULT_NOT_FOUND(3004),
    JOB_TABLET_BUSY(5001),
    ERR_ENCRYPT(7001),
    ERR_DECPYPT(7002),
    UNDEFINED_ERR(1000000);

    private final int number;

    MetaServiceCode(int number) {
        this.number = number;
    }

    @Override
    public int number() {
        return number;
    }

    /** The error kind, hence the HTTP status: 400, 404, 409 or 500 (the reference's convert_ms_code_to_http_code). */
    ErrorKind kind() {
        return switch (this) {
            case INVALID_ARGUMENT, PROTOBUF_PARSE_ERR -> ErrorKind.INVALID_ARGUMENT;
            case CLUSTER_NOT_FOUND, TABLET_NOT_FOUND -> ErrorKind.NOT_FOUND;
            case ALREADY_EXISTED -> ErrorKind.CONFLICT;
            case OK,
                    KV_TXN_CREATE_ERR,
                    KV_TXN_GET_ERR,
                    KV_TXN_COMMIT_ERR,
                    KV_TXN_CONFLICT,
                    PROTOBUF_SERIALIZE_ERR,
                    TXN_LABEL_ALREADY_USED,
                    TXN_INVALID_STATUS,
                    TXN_LABEL_NOT_FOUND,
                    TXN_ID_NOT_FOUND,
                    TXN_ALREADY_ABORTED,
                    TXN_ALREADY_VISIBLE,
                    CLUSTER_ENDPOINT_MISSING,
                    STORAGE_VAULT_NOT_FOUND,
                    JOB_TABLET_BUSY,
                    ERR_ENCRYPT,
                    ERR_DECPYPT,
                    UNDEFINED_ERR -> ErrorKind.INTERNAL;
        };
    }

    int httpStatus() {
        return this == OK ? 200 : kind().httpStatus();
    }

    /** The envelope's {@code code}: {@code OK}, {@code INVALID_ARGUMENT}, {@code NOT_FOUND}, {@code ALREADY_EXISTED} or {@code INTERNAL_ERROR}. */
    String category() {
        if (this == OK) {
            return "OK";
        }
        return switch (kind()) {
            case INVALID_ARGUMENT -> "INVALID_ARGUMENT";
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "ALREADY_EXISTED";
            case UNAUTHENTICATED, PERMISSION_DENIED, GONE, RESOURCE_EXHAUSTED, INTERNAL, NOT_ENABLED, UNAVAILABLE ->
                "INTERNAL_ERROR";
        };
    }
}
