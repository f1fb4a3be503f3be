package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.strata.spi.metrics.MetricNames;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/** Times every request by route ({@code strata.http.request{route=GET /api/v1/health}}). */
final class RouteMetrics implements ApplicationEventListener {
    static final String REQUEST = "strata.http.request";

    private final MetricRegistry registry;
    private final Map<Method, String> routeByMethod;
    private final BooleanSupplier retired;

    RouteMetrics(MetricRegistry registry, Map<Method, String> routeByMethod, BooleanSupplier retired) {
        this.registry = requireNonNull(registry, "registry is null");
        this.routeByMethod = requireNonNull(routeByMethod, "routeByMethod is null");
        this.retired = requireNonNull(retired, "retired is null");
    }

    static String metricName(String route) {
        return MetricNames.tagged(REQUEST, "route", route);
    }

    @Override
    public void onEvent(ApplicationEvent event) {}

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return new RequestEventListener() {
            private Timer.Context timing;

            @Override
            public void onEvent(RequestEvent event) {
                if (event.getType() == RequestEvent.Type.RESOURCE_METHOD_START) {
                    ResourceMethod method = event.getUriInfo().getMatchedResourceMethod();
                    String route = method == null
                            ? null
                            : routeByMethod.get(method.getInvocable().getDefinitionMethod());
                    if (route != null && !retired.getAsBoolean()) {
                        timing = registry.timer(metricName(route)).time();
                    }
                } else if (event.getType() == RequestEvent.Type.FINISHED && timing != null) {
                    timing.stop();
                }
            }
        };
    }
}
