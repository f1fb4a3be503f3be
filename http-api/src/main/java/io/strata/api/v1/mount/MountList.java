package io.strata.api.v1.mount;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code GET /api/v1/mount}: every mount point, sorted by path. */
public record MountList(List<MountInfo> results) {
    public MountList {
        results = List.copyOf(requireNonNull(results, "results is null"));
    }
}
