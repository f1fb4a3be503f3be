package io.strata.cache.internal.read;

import static java.util.Objects.requireNonNull;

import io.strata.mount.MountTable;
import io.strata.mount.ResolvedPath;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.http.DirectExchange;
import io.strata.spi.http.DirectRoute;
import io.strata.workers.LocalWorker;
import io.strata.workers.Worker;
import io.strata.workers.WorkerDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * {@code /api/v1/file} on every node: the file's owner on the hash ring serves it. This node serves
 * it itself when it is the owner; otherwise it answers 307 to the owner's {@code /api/v1/worker/file}.
 */
@Component(service = DirectRoute.class)
public final class FileRoute implements DirectRoute {
    static final Set<String> METHODS = Set.of("GET", "HEAD");

    private final MountTable mounts;
    private final WorkerDirectory workers;
    private final Optional<LocalWorker> local;
    private final Optional<FileReader> reader;

    @Activate
    public FileRoute(
            @Reference MountTable mounts,
            @Reference WorkerDirectory workers,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) LocalWorker local,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) FileReader reader) {
        this.mounts = requireNonNull(mounts, "mounts is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.local = Optional.ofNullable(local);
        this.reader = Optional.ofNullable(reader);
    }

    @Override
    public String path() {
        return "/api/v1/file";
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public String description() {
        return "path=<strata path>. Reads a file through the worker that owns it on the hash ring: 307 to that"
                + " worker's " + WorkerFileRoute.PATH + ", or served here when this node is the owner; 503 when no"
                + " worker is online.";
    }

    /** A cached small read of a file this node owns, without blocking; anything else the blocking way. */
    @Override
    public boolean serveNonBlocking(DirectExchange exchange) throws IOException {
        String path = exchange.parameter("path");
        if (path == null || path.isEmpty() || local.isEmpty() || reader.isEmpty()) {
            return false;
        }
        ResolvedPath resolved = mounts.resolve(path);
        Optional<Worker> owner = workers.owner(resolved.path());
        return owner.isPresent()
                && local.get().identity().equals(owner.get().identity())
                && reader.get().serveNonBlocking(resolved, exchange);
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getParameter("path");
        if (path == null || path.isEmpty()) {
            throw StrataException.invalidArgument("Required parameters not provided: path");
        }
        ResolvedPath resolved = mounts.resolve(path);
        Worker owner = workers.owner(resolved.path())
                .orElseThrow(() ->
                        new StrataException(ErrorKind.UNAVAILABLE, "No worker is online to serve " + resolved.path()));
        if (local.isPresent() && reader.isPresent() && local.get().identity().equals(owner.identity())) {
            reader.get().serve(resolved, request::getHeader, !"HEAD".equals(request.getMethod()), response);
            return;
        }
        response.setStatus(307);
        response.setHeader(
                "Location",
                "http://" + owner.address() + WorkerFileRoute.PATH + "?path="
                        + URLEncoder.encode(resolved.path(), StandardCharsets.UTF_8));
        response.setHeader("X-Strata-Worker", owner.identity());
        response.setContentLength(0);
    }
}
