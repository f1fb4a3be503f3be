package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.introspection.ConfigInfo;
import io.strata.spi.config.ConfigService;
import io.strata.spi.http.Description;
import io.strata.spi.http.RequiresAdmin;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.SortedMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /config}, {@code /configs} and {@code /updateConfig}. */
@Component(service = ConfigResource.class)
@JakartarsResource
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigResource {
    private static final String UPDATE =
            "<key>=<new_value>. Update the config to the new value (until the node restarts).";

    private final ConfigCatalog catalog;

    @Activate
    public ConfigResource(@Reference ConfigService config) {
        this.catalog = new ConfigCatalog(requireNonNull(config, "config is null"));
    }

    @GET
    @Path("config")
    @Description("name=<config_name>. Gets the details of a specified config.")
    public ConfigInfo config(@Context UriInfo uri) {
        return catalog.one(uri.getQueryParameters());
    }

    @GET
    @Path("configs")
    @Description("List all configs.")
    public SortedMap<String, ConfigInfo> configs(@Context UriInfo uri) {
        return catalog.all(uri.getQueryParameters());
    }

    @GET
    @Path("updateConfig")
    @RequiresAdmin
    @Description(UPDATE)
    public Response updateConfigByGet(@Context UriInfo uri) {
        return update(uri);
    }

    @POST
    @Path("updateConfig")
    @RequiresAdmin
    @Description(UPDATE)
    public Response updateConfig(@Context UriInfo uri) {
        return update(uri);
    }

    /**
     * The contract answers every outcome as {@code {"update_status": "ERR_…: <reason>"}}
     * with its 4xx code, not as the usual {@code {"status"}}; so this builds the response itself.
     */
    private Response update(UriInfo uri) {
        ConfigCatalog.Update update = catalog.update(uri.getQueryParameters());
        return Response.status(update.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(update.body())
                .build();
    }
}
