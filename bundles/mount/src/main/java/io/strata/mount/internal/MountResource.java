package io.strata.mount.internal;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.StatusResponse;
import io.strata.api.v1.mount.MountInfo;
import io.strata.api.v1.mount.MountList;
import io.strata.api.v1.mount.MountRequest;
import io.strata.api.v1.mount.UnmountRequest;
import io.strata.mount.MountPoint;
import io.strata.spi.ErrorKind;
import io.strata.spi.Role;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.spi.http.RequiresAdmin;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/v1/mount}: the reference's mount table calls, on coordinators. The bodies are read
 * here (with the kernel's JSON provider) rather than by Jersey, so that a request without a body
 * gets the reference's {@code Required parameters not provided}.
 */
@Component(service = MountResource.class)
@JakartarsResource
@Path("/api/v1/mount")
@Produces(MediaType.APPLICATION_JSON)
public final class MountResource {
    private final MountService service;

    @Activate
    public MountResource(@Reference(target = Role.COORDINATOR_TARGET) Role role, @Reference MountService service) {
        requireNonNull(role, "role is null");
        this.service = requireNonNull(service, "service is null");
    }

    @GET
    @Description("path=<strata path> (optional). Lists every mount point, or shows the one at path;"
            + " secret options read ******.")
    public Object get(@QueryParam("path") String path) {
        if (path == null || path.isEmpty()) {
            return new MountList(
                    service.mounts().stream().map(MountResource::info).toList());
        }
        return service.mount(path)
                .map(MountResource::info)
                .orElseThrow(() -> StrataException.notFound("No mount point found for path: " + path));
    }

    @POST
    @RequiresAdmin
    @Description("Body {\"path\", \"ufs\", \"options\"}. Mounts the UFS at the path after checking that it"
            + " can be reached with the options.")
    public StatusResponse add(byte[] body, @Context Providers providers) throws IOException {
        MountRequest request = read(body, providers, MountRequest.class);
        if (request == null) {
            throw StrataException.invalidArgument(MountService.REQUIRED);
        }
        service.add(request.path(), request.ufs(), request.options());
        return StatusResponse.OK;
    }

    @DELETE
    @RequiresAdmin
    @Description("Body {\"path\"}. Removes the mount point at path.")
    public StatusResponse remove(byte[] body, @Context Providers providers) throws IOException {
        UnmountRequest request = read(body, providers, UnmountRequest.class);
        if (request == null) {
            throw StrataException.invalidArgument(MountService.REQUIRED);
        }
        service.remove(request.path());
        return StatusResponse.OK;
    }

    static MountInfo info(MountPoint mount) {
        String path = mount.path().equals("/") ? "/" : mount.path() + "/";
        return new MountInfo(path, mount.ufs().toString(), mount.maskedOptions());
    }

    /** The JSON body as {@code type}, or null when there is none. */
    private static <T> T read(byte[] body, Providers providers, Class<T> type) throws IOException {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        MessageBodyReader<T> reader =
                providers.getMessageBodyReader(type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        if (reader == null) {
            throw new StrataException(ErrorKind.INTERNAL, "No JSON reader for " + type.getSimpleName());
        }
        return reader.readFrom(
                type,
                type,
                new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(),
                new ByteArrayInputStream(body));
    }
}
