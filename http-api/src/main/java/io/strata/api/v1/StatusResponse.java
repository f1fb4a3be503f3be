package io.strata.api.v1;

import static java.util.Objects.requireNonNull;

/**
 * The body of every error answer, and of calls whose reference answer is a bare status:
 * {@code {"status": "<message>"}}.
 */
public record StatusResponse(String status) {
    public static final StatusResponse OK = new StatusResponse("ok");

    public StatusResponse {
        requireNonNull(status, "status is null");
    }
}
