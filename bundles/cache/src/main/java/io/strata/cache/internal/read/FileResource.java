package io.strata.cache.internal.read;

import static java.util.Objects.requireNonNull;

import io.strata.mount.MountTable;
import io.strata.mount.ResolvedPath;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.workers.LocalWorker;
import io.strata.workers.Worker;
import io.strata.workers.WorkerDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/v1/file} on every node: the file's owner on the hash ring serves it. This node serves
 * it itself when it is the owner; otherwise it answers 307 to the owner's {@code /api/v1/worker/file}.
 */
@Component(service = FileResource.class)
@JakartarsResource
@Path("/api/v1/file")
public final class FileResource {
    private final MountTable mounts;
    private final WorkerDirectory workers;
    private final Optional<LocalWorker> local;
    private final Optional<FileReader> reader;

    @Activate
    public FileResource(
            @Reference MountTable mounts,
            @Reference WorkerDirectory workers,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) LocalWorker local,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) FileReader reader) {
        this.mounts = requireNonNull(mounts, "mounts is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.local = Optional.ofNullable(local);
        this.reader = Optional.ofNullable(reader);
    }

    @GET
    @Description("path=<strata path>. Reads a file through the worker that owns it on the hash ring: 307 to that"
            + " worker's /api/v1/worker/file, or served here when this node is the owner; 503 when no worker is"
            + " online.")
    public Response read(@QueryParam("path") String path, @HeaderParam("Range") String range) {
        if (path == null || path.isEmpty()) {
            throw StrataException.invalidArgument("Required parameters not provided: path");
        }
        ResolvedPath resolved = mounts.resolve(path);
        Worker owner = workers.owner(resolved.path())
                .orElseThrow(() ->
                        new StrataException(ErrorKind.UNAVAILABLE, "No worker is online to serve " + resolved.path()));
        if (local.isPresent() && reader.isPresent() && local.get().identity().equals(owner.identity())) {
            return reader.get().read(resolved.path(), Optional.ofNullable(range));
        }
        URI location = URI.create("http://" + owner.address() + "/api/v1/worker/file?path="
                + URLEncoder.encode(resolved.path(), StandardCharsets.UTF_8));
        return Response.temporaryRedirect(location)
                .header("X-Strata-Worker", owner.identity())
                .build();
    }
}
