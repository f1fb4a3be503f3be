package io.strata.spi.ufs;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a directory listing.
 *
 * @param entries in the store's order (by name, see {@link Ufs#list}), at most the requested limit
 * @param nextMarker present when more entries may follow: an opaque value to pass to the next
 *     {@link Ufs#list} call (a file system's connector uses the last name of the page, an object
 *     store's its continuation token); a page may hold fewer entries than the limit, even none,
 *     and still have one
 */
public record UfsListing(List<UfsStatus> entries, Optional<String> nextMarker) {
    public UfsListing {
        entries = List.copyOf(requireNonNull(entries, "entries is null"));
        requireNonNull(nextMarker, "nextMarker is null");
    }
}
