package io.strata.mount.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.health.HealthCheck;
import io.strata.mount.MountPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Health check {@code mounts}: the mount points whose URI scheme has no installed connector on this
 * node. Such mounts answer 503 until a connector plugin for the scheme is installed again, but the
 * check stays healthy and only says so ({@code "ok: no UFS connector …"}): the mount table is the
 * cluster's, a missing plugin is an operator's choice or mistake that a restart cannot mend, and an
 * unhealthy node would fail {@code bin/strata start} and be restarted in a loop by a Kubernetes
 * liveness probe. It reads this node's view of the table and the installed connectors only, so it
 * costs no call to ZooKeeper or to a store.
 */
// immediate: the kernel gets and ungets the service on every health request, and a delayed
// component would be created and dropped each time
@Component(service = HealthCheck.class, property = "strata.health.name=mounts", immediate = true)
public final class MountHealthCheck extends HealthCheck {
    private final MountService mounts;
    private final UfsConnectors connectors;

    @Activate
    public MountHealthCheck(@Reference MountService mounts, @Reference UfsConnectors connectors) {
        this.mounts = requireNonNull(mounts, "mounts is null");
        this.connectors = requireNonNull(connectors, "connectors is null");
    }

    @Override
    protected Result check() {
        SortedSet<String> installed = connectors.schemes();
        SortedMap<String, List<String>> missing = new TreeMap<>();
        for (MountPoint mount : mounts.viewedMounts()) {
            if (!installed.contains(mount.scheme())) {
                missing.computeIfAbsent(mount.scheme(), scheme -> new ArrayList<>())
                        .add(mount.path());
            }
        }
        if (missing.isEmpty()) {
            return Result.healthy();
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> scheme : missing.entrySet()) {
            List<String> paths = scheme.getValue();
            parts.add("no UFS connector is installed for scheme '" + scheme.getKey() + "' (mount point"
                    + (paths.size() == 1 ? " " : "s ") + String.join(", ", paths) + ")");
        }
        return Result.healthy(String.join("; ", parts));
    }
}
