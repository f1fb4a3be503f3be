package io.strata.kernel.internal;

import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A resource that exercises every branch of the kernel's error policy. */
@Path("/api/v1/testing")
@Produces(MediaType.APPLICATION_JSON)
public final class TestingResource {
    public enum Mode {
        FAST,
        SLOW
    }

    public record Echo(String name, int count, Mode mode, List<String> tags) {}

    @GET
    @Description("mode=<fast|slow>&limit=<n>. Answers its parameters.")
    public Echo get(@QueryParam("mode") Mode mode, @QueryParam("limit") Integer limit) {
        return new Echo("get", limit == null ? 0 : limit, mode, List.of());
    }

    @POST
    @Path("echo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Description("Echoes the body.")
    public Echo echo(Echo echo) {
        return echo;
    }

    @GET
    @Path("missing")
    @Description("Always 404.")
    public Echo missing() {
        throw StrataException.notFound("No testing thing here");
    }

    @GET
    @Path("bug")
    @Description("Always a bug.")
    public Echo bug() {
        throw new IllegalStateException("secret internal detail");
    }
}
