package io.strata.mount.internal;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.mount.FileInfo;
import io.strata.api.v1.mount.FileList;
import io.strata.mount.ResolvedPath;
import io.strata.mount.StrataPaths;
import io.strata.spi.Role;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/v1/fs}: looking through the mounts (Strata's own calls, not in the reference), so
 * that a user can check what a mount shows. Listings are paged: a directory of millions of
 * entries is never read at once.
 */
@Component(service = FsResource.class)
@JakartarsResource
@Path("/api/v1/fs")
@Produces(MediaType.APPLICATION_JSON)
public final class FsResource {
    static final int DEFAULT_LIMIT = 1000;

    private final MountService service;

    @Activate
    public FsResource(@Reference(target = Role.COORDINATOR_TARGET) Role role, @Reference MountService service) {
        requireNonNull(role, "role is null");
        this.service = requireNonNull(service, "service is null");
    }

    @GET
    @Path("status")
    @Description("path=<strata path>. Status of a file or directory through its mount: length,"
            + " modification time, fingerprint.")
    public FileInfo status(@QueryParam("path") String path) {
        ResolvedPath resolved = service.resolve(required(path));
        return info(resolved, service.status(resolved));
    }

    @GET
    @Path("list")
    @Description("path=<strata path>&limit=<1..10000, default 1000>&marker=<nextMarker of the previous page>."
            + " One page of a directory through its mount, sorted by name.")
    public FileList list(
            @QueryParam("path") String path, @QueryParam("limit") Integer limit, @QueryParam("marker") String marker) {
        ResolvedPath resolved = service.resolve(required(path));
        UfsListing page = service.list(
                resolved,
                Optional.ofNullable(marker).filter(value -> !value.isEmpty()),
                limit == null ? DEFAULT_LIMIT : limit);
        return new FileList(
                resolved.path(),
                page.entries().stream().map(entry -> info(resolved, entry)).toList(),
                page.nextMarker().orElse(null));
    }

    private static String required(String path) {
        if (path == null || path.isEmpty()) {
            throw StrataException.invalidArgument(MountService.REQUIRED);
        }
        return path;
    }

    private static FileInfo info(ResolvedPath resolved, UfsStatus status) {
        return new FileInfo(
                StrataPaths.join(resolved.mount().path(), status.path()),
                UfsUris.child(resolved.mount().ufs(), status.path()).toString(),
                status.directory(),
                status.length(),
                status.lastModified().map(Instant::toEpochMilli).orElse(null),
                status.fingerprint().orElse(null));
    }
}
