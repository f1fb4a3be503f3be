package io.strata.api.v1.mount;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One mount point as {@code GET /api/v1/mount} shows it: the Strata path and the UFS URI, both
 * ending in {@code /}, and the options sorted by name (omitted when there are none). Secret option
 * values (names containing {@code secret}, {@code key}, {@code password}, {@code token} or
 * {@code credential}, in any case) read {@value #MASK}.
 */
public record MountInfo(
        String path,
        String ufs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options) {
    public static final String MASK = "******";

    public MountInfo {
        requireNonNull(path, "path is null");
        requireNonNull(ufs, "ufs is null");
        options = options == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(options));
    }
}
