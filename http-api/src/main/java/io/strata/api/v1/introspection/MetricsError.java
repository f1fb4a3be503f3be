package io.strata.api.v1.introspection;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 400 answer of {@code /metrics} to a bad query, as the reference gives it. */
public record MetricsError(@JsonProperty("error_message") String errorMessage) {
    public MetricsError {
        requireNonNull(errorMessage, "errorMessage is null");
    }
}
