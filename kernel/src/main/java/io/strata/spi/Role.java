package io.strata.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One active role of this node, registered by the kernel as a service with the property
 * {@value #PROPERTY}. A component that belongs on one role only references it with a target, for
 * example {@code @Reference(target = "(strata.role=coordinator)") Role role}.
 */
@ProviderType
public interface Role {
    String PROPERTY = "strata.role";
    String COORDINATOR = "coordinator";
    String WORKER = "worker";
    String COORDINATOR_TARGET = "(" + PROPERTY + "=" + COORDINATOR + ")";
    String WORKER_TARGET = "(" + PROPERTY + "=" + WORKER + ")";

    /** {@value #COORDINATOR} or {@value #WORKER}. */
    String name();
}
