package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.introspection.StartTimeResponse;
import io.strata.api.v1.introspection.VersionResponse;
import io.strata.spi.NodeInfo;
import io.strata.spi.http.Description;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /version} and {@code /recentStartTime}. */
@Component(service = NodeResource.class)
@JakartarsResource
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class NodeResource {
    static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final NodeInfo node;

    @Activate
    public NodeResource(@Reference NodeInfo node) {
        this.node = requireNonNull(node, "node is null");
    }

    @GET
    @Path("version")
    @Description("Get the server version.")
    public VersionResponse version() {
        return new VersionResponse(node.version(), node.gitCommit());
    }

    @GET
    @Path("recentStartTime")
    @Description("Get the server start time.")
    public StartTimeResponse recentStartTime() {
        return new StartTimeResponse(startTime(node.startTime(), ZoneId.systemDefault()));
    }

    static String startTime(Instant start, ZoneId zone) {
        return START_TIME.format(start.atZone(zone));
    }
}
