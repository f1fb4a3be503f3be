package io.strata.api.v1.introspection;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code /updateConfig}: {@value #OK} with 200, else {@code "ERR_<CODE>: <reason>"}
 * with the matching 4xx status ({@code ERR_INVALID_PARAMETERS} 400, {@code ERR_OBJECT_NOT_FOUND} 404).
 */
public record UpdateConfigResponse(
        @JsonProperty("update_status") String updateStatus) {
    public static final String OK = "ERR_OK";
    public static final String INVALID_PARAMETERS = "ERR_INVALID_PARAMETERS";
    public static final String OBJECT_NOT_FOUND = "ERR_OBJECT_NOT_FOUND";

    public UpdateConfigResponse {
        requireNonNull(updateStatus, "updateStatus is null");
    }

    public static UpdateConfigResponse error(String code, String reason) {
        return new UpdateConfigResponse(code + ": " + reason);
    }

    public boolean ok() {
        return OK.equals(updateStatus);
    }
}
