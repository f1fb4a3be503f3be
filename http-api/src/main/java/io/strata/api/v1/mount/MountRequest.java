package io.strata.api.v1.mount;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/mount}: mount {@code ufs} (a UFS URI such as {@code s3://bucket/dir}) at the
 * Strata path {@code path}, with the connector's {@code options}. {@code path} and {@code ufs} are
 * required; a missing one is left {@code null} here so that the server can answer the reference's
 * {@code Required parameters not provided}. Missing options are empty.
 */
public record MountRequest(String path, String ufs, Map<String, String> options) {
    public MountRequest {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
