package io.strata.workers.internal;

import static java.util.Objects.requireNonNull;

import io.strata.workers.HashRing;
import io.strata.workers.Worker;
import io.strata.workers.WorkerDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's view of the workers: a {@link CuratorCache} of {@code /workers}, turned into the
 * worker list and the ring over the online ones after every change. The ring is rebuilt only when
 * the set of online identities changes.
 */
@Component(
        service = {WorkerDirectory.class, WorkerDirectoryService.class},
        configurationPid = "strata.workers",
        immediate = true)
@Designate(ocd = WorkersConfig.class)
public final class WorkerDirectoryService implements WorkerDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerDirectoryService.class);

    private record View(Map<String, Worker> workers, HashRing ring) {}

    private final int virtualNodes;
    private final CuratorCache cache;
    private final ExecutorService events = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "strata-workers-view");
        thread.setDaemon(true);
        return thread;
    });
    private final Object viewChanged = new Object();
    private volatile View view = new View(Map.of(), HashRing.empty());

    @Activate
    public WorkerDirectoryService(@Reference CuratorFramework curator, WorkersConfig config) {
        this(curator, config.ring_virtual_nodes());
    }

    WorkerDirectoryService(CuratorFramework curator, int virtualNodes) {
        requireNonNull(curator, "curator is null");
        this.virtualNodes = virtualNodes;
        HashRing.of(List.of(), virtualNodes); // validates
        this.cache = CuratorCache.build(curator, WorkerStore.ROOT);
        cache.listenable()
                .addListener(
                        CuratorCacheListener.builder()
                                .forAll((type, previous, node) -> refresh())
                                .forInitialized(this::refresh)
                                .build(),
                        events);
        cache.start();
    }

    @Override
    @Deactivate
    public void close() {
        cache.close();
        events.shutdownNow();
    }

    @Override
    public List<Worker> workers() {
        return List.copyOf(view.workers().values());
    }

    @Override
    public Optional<Worker> worker(String identity) {
        return Optional.ofNullable(view.workers().get(identity));
    }

    @Override
    public HashRing ring() {
        return view.ring();
    }

    /** Waits until {@code condition} holds for the view; false on timeout. For tests and callers that just wrote. */
    boolean awaitView(Predicate<WorkerDirectory> condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (viewChanged) {
            while (!condition.test(this)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                viewChanged.wait(left);
            }
            return true;
        }
    }

    private void refresh() {
        Map<String, Registration> registered = new TreeMap<>();
        Set<String> live = new TreeSet<>();
        cache.stream().forEach(node -> read(node, registered, live));
        Map<String, Worker> workers = new TreeMap<>();
        List<String> online = new ArrayList<>();
        registered.forEach((identity, registration) -> {
            boolean isLive = live.contains(identity);
            workers.put(identity, new Worker(identity, registration.address(), isLive, registration.capacityBytes()));
            if (isLive) {
                online.add(identity);
            }
        });
        View previous = view;
        HashRing ring =
                previous.ring().members().equals(online) && previous.ring().virtualNodes() == virtualNodes
                        ? previous.ring()
                        : HashRing.of(online, virtualNodes);
        if (ring != previous.ring()) {
            LOG.info("Hash ring: {} online worker(s) {}", online.size(), online);
        }
        synchronized (viewChanged) {
            view = new View(Collections.unmodifiableMap(workers), ring);
            viewChanged.notifyAll();
        }
    }

    private static void read(ChildData node, Map<String, Registration> registered, Set<String> live) {
        String path = node.getPath();
        if (path.startsWith(WorkerStore.LIVE + "/")) {
            live.add(path.substring(WorkerStore.LIVE.length() + 1));
        } else if (path.startsWith(WorkerStore.REGISTERED + "/") && node.getData() != null) {
            try {
                Registration registration = Registration.fromJson(node.getData());
                registered.put(registration.identity(), registration);
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring worker record {}: {}", path, e.getMessage());
            }
        }
    }
}
