package io.strata.kernel.internal.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.strata.api.v1.HealthResponse;
import io.strata.kernel.internal.http.JsonMappers;
import io.strata.spi.http.DirectRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * {@code GET /api/v1/health}, a direct route: load balancers and orchestrators probe it all the
 * time, so it skips the Jakarta REST machinery.
 */
public final class HealthRoute implements DirectRoute {
    private static final ObjectWriter JSON = JsonMappers.create().writerFor(HealthResponse.class);

    private final HealthService health;

    public HealthRoute(HealthService health) {
        this.health = requireNonNull(health, "health is null");
    }

    @Override
    public String path() {
        return "/api/v1/health";
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET", "HEAD");
    }

    @Override
    public String description() {
        return "Health of this node: HTTP, ZooKeeper session, bundles, components and bundle checks. 200 when all"
                + " are ok, else 503 listing what is not.";
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthResponse answer = health.check();
        byte[] body = JSON.writeValueAsBytes(answer);
        response.setStatus(answer.healthy() ? 200 : 503);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
