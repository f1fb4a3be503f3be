package io.strata.kernel.internal.api;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.BundleInfo;
import io.strata.api.v1.BundleList;
import io.strata.api.v1.StatusResponse;
import io.strata.kernel.internal.bundles.BundleManager;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.spi.http.RequiresAdmin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

@Path("/api/v1/bundles")
@Produces(MediaType.APPLICATION_JSON)
public final class BundlesResource {
    private final BundleManager bundles;

    public BundlesResource(BundleManager bundles) {
        this.bundles = requireNonNull(bundles, "bundles is null");
    }

    @GET
    @Description(
            "List every bundle: symbolic name, version, state, location, the routes it publishes and why it is not active.")
    public BundleList list() {
        return new BundleList(bundles.list());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RequiresAdmin
    @Description(
            "<bundle jar as the body>[&update=true]. Install a bundle (kept in bundles/); update=true replaces an installed one of the same symbolic name.")
    public Response install(InputStream body, @QueryParam("update") @DefaultValue("false") boolean update)
            throws IOException {
        BundleInfo info = bundles.installUpload(body, update);
        return Response.status(update ? 200 : 201).entity(info).build();
    }

    @DELETE
    @RequiresAdmin
    @Description("name=<symbolic_name>. Uninstall a bundle of bundles/ or plugins/ and delete its jar.")
    public StatusResponse remove(@QueryParam("name") String name) throws IOException {
        if (name == null || name.isBlank()) {
            throw StrataException.invalidArgument("Required parameter 'name' is missing");
        }
        bundles.remove(name.strip());
        return StatusResponse.OK;
    }
}
