package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.StrataException;
import io.strata.spi.config.ConfigService;
import io.strata.spi.http.Description;
import io.strata.spi.http.RequiresAdmin;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /pprof/*}: profiles of this JVM in pprof's format (gzipped {@code profile.proto}), the
 * command line, and remote symbolization of the addresses in those profiles. Admin only.
 */
@Component(service = PprofResource.class)
@JakartarsResource
@Path("/pprof")
@RequiresAdmin
public final class PprofResource {
    static final String PPROF = "application/octet-stream";
    private static final String SYMBOL =
            "[symbol_address]. Query the process' symbols. Return the symbol count of the process if using GET, "
                    + "return the symbol of the 'symbol_address' if using POST.";

    private final Profiler profiler;
    private final ConfigService config;

    @Activate
    public PprofResource(@Reference Profiler profiler, @Reference ConfigService config) {
        this.profiler = requireNonNull(profiler, "profiler is null");
        this.config = requireNonNull(config, "config is null");
    }

    @GET
    @Path("cmdline")
    @Produces(MediaType.TEXT_PLAIN)
    @Description("Query the process' cmdline.")
    public String cmdline() {
        return CommandLine.render(
                CommandLine.arguments(),
                key -> config.entry(key).map(entry -> entry.key().secret()).orElse(false));
    }

    @GET
    @Path("profile")
    @Produces(PPROF)
    @Description("[seconds=<cpu_profile_seconds>]. Query the CPU profile. 'seconds' is 60 if not specified.")
    public Response profile(@QueryParam("seconds") String seconds) {
        int window = profiler.seconds(Optional.ofNullable(seconds), Profiler.DEFAULT_CPU_SECONDS);
        return pprof(profiler.cpu(window), "profile");
    }

    @GET
    @Path("heap")
    @Produces(PPROF)
    @Description(
            "[seconds=<heap_profile_seconds>]. Query a sample of live objects and the stack traces that allocated these objects "
                    + "(a class histogram after a full GC, with stacks from JFR's old-object samples), or the allocations during 'seconds' "
                    + "if the 'seconds' parameter is specified.")
    public Response heap(@QueryParam("seconds") String seconds) {
        if (seconds == null) {
            return pprof(profiler.liveHeap(), "heap");
        }
        return pprof(
                profiler.allocations(profiler.seconds(Optional.of(seconds), Profiler.DEFAULT_CPU_SECONDS)),
                "allocations");
    }

    @GET
    @Path("growth")
    @Produces(PPROF)
    @Description("Query the stack traces that allocated memory since the previous call (JFR allocation samples).")
    public Response growth() {
        return pprof(profiler.growth(), "growth");
    }

    @GET
    @Path("symbol")
    @Produces(MediaType.TEXT_PLAIN)
    @Description(SYMBOL)
    public String symbolCount() {
        return profiler.symbols().count();
    }

    @POST
    @Path("symbol")
    @Produces(MediaType.TEXT_PLAIN)
    @Description(SYMBOL)
    public String symbols(String body) {
        try {
            return profiler.symbols().lookup(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw StrataException.invalidArgument(e.getMessage());
        }
    }

    private static Response pprof(byte[] profile, String name) {
        return Response.ok(profile, PPROF)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".pb.gz\"")
                .build();
    }
}
