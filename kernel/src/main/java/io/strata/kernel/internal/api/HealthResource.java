package io.strata.kernel.internal.api;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.HealthResponse;
import io.strata.spi.http.Description;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final HealthService health;

    public HealthResource(HealthService health) {
        this.health = requireNonNull(health, "health is null");
    }

    @GET
    @Description(
            "Health of this node: HTTP, ZooKeeper session, bundles, components and bundle checks. 200 when all are ok, else 503 listing what is not.")
    public Response health() {
        HealthResponse response = health.check();
        return Response.status(response.healthy() ? 200 : 503).entity(response).build();
    }
}
