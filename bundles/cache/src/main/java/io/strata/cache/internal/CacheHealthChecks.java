package io.strata.cache.internal;

import com.codahale.metrics.health.HealthCheck;
import io.strata.cache.PageCache;
import io.strata.cache.TierUsage;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * One {@link HealthCheck} per cache tier directory (named {@code cache tier <name>} in
 * {@code GET /api/v1/health}), while the page cache runs.
 */
@Component(
        immediate = true,
        service = {})
public final class CacheHealthChecks {
    /** The kernel's health check name property. */
    static final String NAME_PROPERTY = "strata.health.name";

    private final List<ServiceRegistration<HealthCheck>> registrations = new ArrayList<>();

    @Activate
    public CacheHealthChecks(@Reference PageCache cache, BundleContext context) {
        for (TierUsage tier : cache.tiers()) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(NAME_PROPERTY, "cache tier " + tier.name());
            registrations.add(context.registerService(
                    HealthCheck.class, new TierHealthCheck(tier.name(), tier.directory()), properties));
        }
    }

    @Deactivate
    void close() {
        for (ServiceRegistration<HealthCheck> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping and took it already
            }
        }
        registrations.clear();
    }
}
