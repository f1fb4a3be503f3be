package io.strata.workers.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.health.HealthCheck;
import io.strata.spi.NodeInfo;
import io.strata.spi.Role;
import io.strata.workers.LocalWorker;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers this node as a worker: a persistent registration under its stable identity, and an
 * ephemeral liveness node that Curator re-creates after a session loss. Removing the registration
 * ({@code DELETE /api/v1/nodes}, only possible while the worker was OFFLINE) fences the worker: it
 * drops its liveness node, stays out of the ring and reports itself unhealthy until restarted.
 */
@Component(
        service = {LocalWorker.class, HealthCheck.class},
        immediate = true,
        property = "strata.health.name=worker-registration")
public final class WorkerRegistrar extends HealthCheck implements LocalWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistrar.class);

    private final WorkerStore store;
    private final String identity;
    private final String address;
    private final AtomicLong capacity = new AtomicLong();
    private final PersistentNode liveness;
    private final CuratorCache registrationWatch;
    private final AtomicBoolean fenced = new AtomicBoolean();
    private volatile boolean closing;

    @Activate
    public WorkerRegistrar(
            @Reference(target = Role.WORKER_TARGET) Role role,
            @Reference CuratorFramework curator,
            @Reference NodeInfo node)
            throws Exception {
        requireNonNull(role, "role is null");
        requireNonNull(curator, "curator is null");
        this.store = new WorkerStore(curator);
        this.identity = WorkerIdentity.loadOrCreate(node.dataDir());
        this.address = node.httpHost() + ":" + node.httpPort();
        store.register(registration());
        this.liveness =
                new PersistentNode(curator, CreateMode.EPHEMERAL, false, WorkerStore.live(identity), new byte[0]);
        this.registrationWatch = CuratorCache.build(curator, WorkerStore.registered(identity));
        registrationWatch
                .listenable()
                .addListener(CuratorCacheListener.builder()
                        .forDeletes(deleted -> fence())
                        .build());
        registrationWatch.start();
        liveness.start();
        LOG.info("Registered as worker {} at {}", identity, address);
    }

    @Deactivate
    void close() throws Exception {
        closing = true;
        registrationWatch.close();
        liveness.close();
        LOG.info("Worker {} left the ring", identity);
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void publishCapacity(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes is negative: " + capacityBytes);
        }
        capacity.set(capacityBytes);
        if (fenced.get()) {
            return;
        }
        try {
            store.register(registration());
        } catch (Exception e) {
            LOG.warn("Cannot publish the capacity of worker {}: {}", identity, e.toString());
        }
    }

    @Override
    protected Result check() {
        if (fenced.get()) {
            return Result.unhealthy("worker " + identity + " was removed from the cluster (DELETE /api/v1/nodes);"
                    + " restart it to register again");
        }
        return Result.healthy();
    }

    private Registration registration() {
        return new Registration(identity, address, capacity.get());
    }

    private void fence() {
        if (closing || !fenced.compareAndSet(false, true)) {
            return;
        }
        LOG.error("This worker ({}) was removed from the cluster: it leaves the ring until it is restarted", identity);
        try {
            liveness.close();
        } catch (Exception e) {
            LOG.warn("Cannot drop the liveness node of {}: {}", identity, e.toString());
        }
    }
}
