package io.strata.api.v1.introspection;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /version}: {@code {"Version": "<project version>", "GitCommit": "<sha of the build>"}}. */
public record VersionResponse(
        @JsonProperty("Version") String version,
        @JsonProperty("GitCommit") String gitCommit) {
    public VersionResponse {
        requireNonNull(version, "version is null");
        requireNonNull(gitCommit, "gitCommit is null");
    }
}
