package io.strata.api.v1;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code GET /api/v1/bundles}: every bundle in the framework, ordered by bundle id. */
public record BundleList(List<BundleInfo> bundles) {
    public BundleList {
        bundles = List.copyOf(requireNonNull(bundles, "bundles is null"));
    }
}
