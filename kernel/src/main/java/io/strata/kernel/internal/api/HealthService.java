package io.strata.kernel.internal.api;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.health.HealthCheck;
import io.strata.api.v1.HealthResponse;
import io.strata.kernel.internal.bundles.BundleManager;
import io.strata.kernel.internal.zookeeper.ZooKeeperService;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The node's health: start-up finished, the ZooKeeper session, every bundle active, no component
 * that failed to activate, and every {@link HealthCheck} service bundles register (named by the
 * service property {@value #NAME_PROPERTY}). A bundle check that is healthy but has a message
 * reads {@code "ok: <message>"}: something to know that does not make the node unhealthy.
 */
public final class HealthService {
    public static final String NAME_PROPERTY = "strata.health.name";

    private final BundleContext context;
    private final ZooKeeperService zooKeeper;
    private final BundleManager bundles;
    private final BooleanSupplier started;
    private final ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> componentRuntime;
    private final ServiceTracker<HealthCheck, HealthCheck> healthChecks;
    private final AtomicReference<ComponentProblems> componentProblems = new AtomicReference<>();

    /** Component problems as of one change count of the component runtime. */
    private record ComponentProblems(Object changeCount, Map<String, String> problems) {}

    public HealthService(
            BundleContext context, ZooKeeperService zooKeeper, BundleManager bundles, BooleanSupplier started) {
        this.context = requireNonNull(context, "context is null");
        this.zooKeeper = requireNonNull(zooKeeper, "zooKeeper is null");
        this.bundles = requireNonNull(bundles, "bundles is null");
        this.started = requireNonNull(started, "started is null");
        this.componentRuntime = new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        this.componentRuntime.open();
        this.healthChecks = new ServiceTracker<>(context, HealthCheck.class, null);
        this.healthChecks.open();
    }

    public HealthResponse check() {
        Map<String, String> checks = new TreeMap<>();
        checks.put("http", HealthResponse.OK);
        checks.put("startup", started.getAsBoolean() ? HealthResponse.OK : "starting");
        checks.put("zookeeper", zooKeeper.problem().orElse(HealthResponse.OK));
        Map<String, String> bundleProblems = bundles.problems();
        checks.put("bundles", bundleProblems.isEmpty() ? HealthResponse.OK : bundleProblems.size() + " not active");
        checks.putAll(bundleProblems);
        checks.putAll(componentProblems());
        boolean healthy = checks.values().stream().allMatch(HealthResponse.OK::equals);
        for (Map.Entry<String, HealthCheck.Result> check : healthChecks().entrySet()) {
            HealthCheck.Result result = check.getValue();
            healthy &= result.isHealthy();
            checks.put(check.getKey(), describe(result));
        }
        return new HealthResponse(healthy ? HealthResponse.OK : HealthResponse.UNHEALTHY, checks);
    }

    private static String describe(HealthCheck.Result result) {
        if (!result.isHealthy()) {
            return String.valueOf(result.getMessage());
        }
        return result.getMessage() == null || result.getMessage().isBlank()
                ? HealthResponse.OK
                : HealthResponse.OK + ": " + result.getMessage();
    }

    /**
     * Components that failed to activate. Walking every component's description is costly, so the
     * answer is kept until the runtime's {@code service.changecount} moves (it does on every
     * component state change).
     */
    private Map<String, String> componentProblems() {
        ServiceReference<ServiceComponentRuntime> reference = componentRuntime.getServiceReference();
        ServiceComponentRuntime runtime = componentRuntime.getService();
        if (reference == null || runtime == null) {
            return Map.of("components", "Declarative Services is not running");
        }
        Object changeCount = reference.getProperty(Constants.SERVICE_CHANGECOUNT);
        ComponentProblems cached = componentProblems.get();
        if (cached != null && changeCount != null && changeCount.equals(cached.changeCount())) {
            return cached.problems();
        }
        Map<String, String> problems = new TreeMap<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.put("component " + description.name, "failed to activate: " + configuration.failure);
                }
            }
        }
        componentProblems.set(new ComponentProblems(changeCount, problems));
        return problems;
    }

    /**
     * Runs every bundle health check. The checks are held by a tracker rather than fetched and
     * released on each call: releasing a delayed DS component's last use deactivates it, so a
     * health probe would otherwise build and tear down every such component on every request.
     */
    private Map<String, HealthCheck.Result> healthChecks() {
        Map<String, HealthCheck.Result> results = new TreeMap<>();
        healthChecks.getTracked().forEach((reference, check) -> {
            Object name = reference.getProperty(NAME_PROPERTY);
            String label = name == null ? check.getClass().getName() : name.toString();
            results.put(label, check.execute());
        });
        return results;
    }
}
