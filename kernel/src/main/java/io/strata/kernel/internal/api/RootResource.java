package io.strata.kernel.internal.api;

import static java.util.Objects.requireNonNull;

import io.strata.spi.http.Description;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.SortedMap;
import java.util.function.Supplier;

/** {@code GET /}: every call this node serves now, from the live resource model. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class RootResource {
    private final Supplier<SortedMap<String, String>> listing;

    public RootResource(Supplier<SortedMap<String, String>> listing) {
        this.listing = requireNonNull(listing, "listing is null");
    }

    @GET
    @Description("List all supported calls.")
    public SortedMap<String, String> list() {
        return listing.get();
    }
}
