package io.strata.bench.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/health} answering {@code {"status":"ok"}}, serialized by Jackson. */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public final class BaselineHealthResource {
    @GET
    public HealthStatus health() {
        return new HealthStatus("ok");
    }

    public record HealthStatus(String status) {}
}
