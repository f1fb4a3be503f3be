package io.strata.cache.internal.read;

import static java.util.Objects.requireNonNull;

import io.strata.spi.http.Description;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/worker/file}: a file read served by this worker, from its cache or the UFS. */
@Component(service = WorkerFileResource.class)
@JakartarsResource
@Path("/api/v1/worker/file")
public final class WorkerFileResource {
    private final FileReader reader;

    @Activate
    public WorkerFileResource(@Reference FileReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    @GET
    @Description("path=<strata path>. Streams the file from this worker's cache, reading missing pages from the"
            + " UFS (and caching them); honours Range (206, 416). Header X-Strata-Cache: HIT, MISS or PARTIAL.")
    public Response read(@QueryParam("path") String path, @HeaderParam("Range") String range) {
        return reader.read(path, Optional.ofNullable(range));
    }
}
