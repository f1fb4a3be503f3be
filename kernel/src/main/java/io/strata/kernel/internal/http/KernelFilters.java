package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import io.strata.spi.http.LeaderOnly;
import io.strata.spi.http.MetaServiceEnvelope;
import io.strata.spi.http.RequiresAdmin;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Binds the kernel's markers to the resource methods that carry them, once, when an application
 * generation is built: a method marked {@link LeaderOnly} gets the leader filter, {@link
 * RequiresAdmin} the admin-token filter (when a token is set), a JSON body parameter the
 * required-body filter, a {@link MetaServiceEnvelope} class the envelope rendering. Every other
 * call runs none of them, instead of each filter asking, on every request, what was matched.
 */
final class KernelFilters implements DynamicFeature {
    private final LeaderOnlyFilter leaderOnly;
    private final AdminTokenFilter adminToken;
    private final RequiredBodyFilter requiredBody;
    private final MetaServiceEnvelopeFilter envelope;

    KernelFilters(
            LeaderOnlyFilter leaderOnly,
            AdminTokenFilter adminToken,
            RequiredBodyFilter requiredBody,
            MetaServiceEnvelopeFilter envelope) {
        this.leaderOnly = requireNonNull(leaderOnly, "leaderOnly is null");
        this.adminToken = requireNonNull(adminToken, "adminToken is null");
        this.requiredBody = requireNonNull(requiredBody, "requiredBody is null");
        this.envelope = requireNonNull(envelope, "envelope is null");
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        if (marked(method, type, LeaderOnly.class)) {
            context.register(leaderOnly);
        }
        if (adminToken.enabled() && marked(method, type, RequiresAdmin.class)) {
            context.register(adminToken);
        }
        if (RequiredBodyFilter.takesJsonBody(method)) {
            context.register(requiredBody);
        }
        if (type.isAnnotationPresent(MetaServiceEnvelope.class)) {
            context.register(envelope);
        }
    }

    private static boolean marked(Method method, Class<?> type, Class<? extends Annotation> marker) {
        return method.isAnnotationPresent(marker) || type.isAnnotationPresent(marker);
    }
}
