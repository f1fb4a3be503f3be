package io.strata.api.v1;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One installed bundle as {@code GET /api/v1/bundles} lists it. {@code kind} is {@code kernel}
 * for the framework's own bundles, {@code bundle} or {@code plugin} for jars from the
 * {@code bundles/} and {@code plugins/} folders. {@code error} says why the bundle is not active
 * (for example the requirement that could not be resolved) and is absent when all is well.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleInfo(
        long id,
        String symbolicName,
        String version,
        String state,
        String kind,
        String location,
        List<String> routes,
        String error) {
    public BundleInfo {
        requireNonNull(symbolicName, "symbolicName is null");
        requireNonNull(version, "version is null");
        requireNonNull(state, "state is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(location, "location is null");
        routes = List.copyOf(requireNonNull(routes, "routes is null"));
    }
}
