package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.http.DirectRoute;
import io.strata.spi.http.MetaServiceEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The hot write calls ({@link MetaServiceResource#DIRECT_CALLS}: create_instance, add_node,
 * drop_node, also under {@code v1/}) as kernel {@link DirectRoute}s, so they skip Jersey's resource
 * matching, filters and entity providers. Everything a caller sees is what the Jakarta REST resource
 * answers: the token check (403 in plain text), the OK envelope, and errors in the meta-service's
 * envelope, which the kernel renders for a direct route marked {@link MetaServiceEnvelope} as it does
 * for the Jakarta REST resource.
 */
@Component(service = {})
public final class MetaServiceRoutes {
    private static final String BASE = "/MetaService/http/";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    private static final byte[] OK = MetaServiceResource.OK.getBytes(StandardCharsets.UTF_8);

    private final MetaServiceResource resource;
    private final List<ServiceRegistration<DirectRoute>> registrations = new ArrayList<>();

    @Activate
    public MetaServiceRoutes(@Reference MetaServiceResource resource, BundleContext context) {
        this.resource = requireNonNull(resource, "resource is null");
        requireNonNull(context, "context is null");
        for (String call : MetaServiceResource.DIRECT_CALLS.keySet()) {
            registrations.add(context.registerService(DirectRoute.class, new Route(call), null));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<DirectRoute> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // gone with the bundle already
            }
        }
        registrations.clear();
    }

    @MetaServiceEnvelope
    private final class Route implements DirectRoute {
        private final String call;

        Route(String call) {
            this.call = call;
        }

        @Override
        public String path() {
            return BASE + call;
        }

        @Override
        public Set<String> methods() {
            return METHODS;
        }

        @Override
        public String description() {
            return "token=<token>. The meta-service call " + call + " with a JSON body (any Content-Type).";
        }

        @Override
        public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, String> query = query(request.getQueryString());
            byte[] body = request.getInputStream().readAllBytes();
            resource.handleDirect(call, query, body);
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(OK.length);
            response.getOutputStream().write(OK);
        }
    }

    /**
     * The query as the resource reads it ({@code UriInfo.getQueryParameters(false)}, first values):
     * split on {@code &}, names and values undecoded, a parameter without {@code =} has the empty
     * value, one starting with {@code =} is ignored.
     */
    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            String parameter = raw.substring(start, end);
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                query.putIfAbsent(parameter.substring(0, equals), parameter.substring(equals + 1));
            } else if (equals < 0 && !parameter.isEmpty()) {
                query.putIfAbsent(parameter, "");
            }
            start = end + 1;
        }
        return query;
    }
}
