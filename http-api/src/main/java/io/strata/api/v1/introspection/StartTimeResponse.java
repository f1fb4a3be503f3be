package io.strata.api.v1.introspection;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /recentStartTime}: process start in the node's local time zone, {@code yyyy-MM-dd HH:mm:ss}. */
public record StartTimeResponse(
        @JsonProperty("RecentStartTime") String recentStartTime) {
    public StartTimeResponse {
        requireNonNull(recentStartTime, "recentStartTime is null");
    }
}
