package io.strata.api.v1;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/health}: {@code status} is {@code "ok"} or {@code "unhealthy"}; {@code checks}
 * maps each check (sorted by name) to {@code "ok"} or to what is wrong with it.
 */
public record HealthResponse(String status, Map<String, String> checks) {
    public static final String OK = "ok";
    public static final String UNHEALTHY = "unhealthy";

    public HealthResponse {
        requireNonNull(status, "status is null");
        checks = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(checks, "checks is null")));
    }

    public boolean healthy() {
        return OK.equals(status);
    }
}
