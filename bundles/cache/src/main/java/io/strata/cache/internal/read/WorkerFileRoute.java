package io.strata.cache.internal.read;

import static java.util.Objects.requireNonNull;

import io.strata.spi.http.DirectExchange;
import io.strata.spi.http.DirectRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/worker/file}: a file read served by this worker, from its cache or the UFS. A
 * direct route: the data path skips Jakarta REST, and a cached small read (the file's status
 * fresh, its pages cached) is answered without blocking, below the servlet layer.
 */
@Component(service = DirectRoute.class)
public final class WorkerFileRoute implements DirectRoute {
    static final String PATH = "/api/v1/worker/file";

    private final FileReader reader;

    @Activate
    public WorkerFileRoute(@Reference FileReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Set<String> methods() {
        return FileRoute.METHODS;
    }

    @Override
    public String description() {
        return "path=<strata path>. Streams the file from this worker's cache, reading missing pages from the"
                + " UFS (and caching them); honours Range (206, 416); HEAD for the headers only. Header"
                + " X-Strata-Cache: HIT, MISS or PARTIAL.";
    }

    @Override
    public boolean serveNonBlocking(DirectExchange exchange) throws IOException {
        return reader.serveNonBlocking(exchange.parameter("path"), exchange);
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        reader.serve(request.getParameter("path"), request::getHeader, !"HEAD".equals(request.getMethod()), response);
    }
}
