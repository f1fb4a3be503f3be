package io.strata.kernel.internal.bundles;

import java.util.List;
import java.util.Optional;

/** What the bundle manager needs of the HTTP whiteboard. */
public interface RouteDirectory {
    /** The routes ({@code "GET /path"}) a bundle currently publishes. */
    List<String> routes(long bundleId);

    /** Why a bundle's resources are not served, if they were rejected. */
    Optional<String> problem(long bundleId);

    /** Waits until every service change seen so far is served (or the wait times out). */
    void awaitServing();
}
