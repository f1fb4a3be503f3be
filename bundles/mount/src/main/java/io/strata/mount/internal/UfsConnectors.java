package io.strata.mount.internal;

import io.strata.mount.MountPoint;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsContext;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed UFS connectors, tracked as they come and go, and the one {@link Ufs} of each mount.
 * A plugin's schemes are mountable while its {@link UfsFactory} service is registered; when it goes,
 * every connector it created is closed at once (so nothing of the removed bundle stays in use) and
 * its mounts answer 503 until it is back.
 *
 * <p>The factories are a dynamic, multiple reference: the state is an immutable snapshot in a
 * {@code volatile} field, replaced under the lock by the bind and unbind methods. Methods rather
 * than a reference field, because removal must close the connectors the factory created.
 */
@Component(service = UfsConnectors.class)
public final class UfsConnectors {
    private static final Logger LOG = LoggerFactory.getLogger(UfsConnectors.class);
    private static final AtomicLong CHECK_THREADS = new AtomicLong();

    /** One registered factory and the schemes it serves. */
    private record Registration(UfsFactory factory, List<String> schemes, long serviceId) {}

    /** A mount's connector and the factory that created it. */
    private record Connection(MountPoint mount, UfsFactory factory, Ufs ufs) {}

    private record Context(String mountPath) implements UfsContext {}

    private final Object lock = new Object();
    private volatile List<Registration> registrations = List.of();
    private final Map<String, Connection> connections = new HashMap<>();
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "strata-mount-check-" + CHECK_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public UfsConnectors() {}

    @Reference(
            service = UfsFactory.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            unbind = "removeFactory")
    void addFactory(UfsFactory factory, Map<String, Object> properties) {
        List<String> schemes = schemes(properties.get(UfsFactory.SCHEME_PROPERTY));
        long serviceId = properties.get("service.id") instanceof Long id ? id : 0L;
        if (schemes.isEmpty()) {
            LOG.warn(
                    "Ignoring UFS factory {}: it has no {} service property",
                    factory.getClass().getName(),
                    UfsFactory.SCHEME_PROPERTY);
            return;
        }
        synchronized (lock) {
            List<Registration> updated = new ArrayList<>(registrations);
            updated.add(new Registration(factory, schemes, serviceId));
            registrations = List.copyOf(updated);
        }
        LOG.info("UFS schemes {} available ({})", schemes, factory.getClass().getName());
    }

    void removeFactory(UfsFactory factory, Map<String, Object> properties) {
        List<Connection> closing = new ArrayList<>();
        synchronized (lock) {
            List<Registration> updated = new ArrayList<>(registrations);
            updated.removeIf(registration -> registration.factory() == factory);
            registrations = List.copyOf(updated);
            connections.values().removeIf(connection -> {
                if (connection.factory() == factory) {
                    closing.add(connection);
                    return true;
                }
                return false;
            });
        }
        closing.forEach(connection -> closeQuietly(connection.mount(), connection.ufs()));
        LOG.info(
                "UFS schemes {} removed; mounts of them are unavailable until a connector is installed again{}",
                schemes(properties.get(UfsFactory.SCHEME_PROPERTY)),
                closing.isEmpty()
                        ? ""
                        : " (" + closing.stream().map(c -> c.mount().path()).toList() + ")");
    }

    @Deactivate
    void deactivate() {
        List<Connection> closing;
        synchronized (lock) {
            closing = new ArrayList<>(connections.values());
            connections.clear();
        }
        closing.forEach(connection -> closeQuietly(connection.mount(), connection.ufs()));
        checks.shutdownNow();
    }

    /** The schemes that can be mounted now, sorted. */
    public SortedSet<String> schemes() {
        SortedSet<String> schemes = new TreeSet<>();
        registrations.forEach(registration -> schemes.addAll(registration.schemes()));
        return Collections.unmodifiableSortedSet(schemes);
    }

    /** Whether a connector for {@code scheme} is installed. */
    public boolean serves(String scheme) {
        return schemes().contains(scheme);
    }

    /**
     * Creates a connector for a mount that is about to be made, asks it whether the UFS can be
     * used, and closes it.
     *
     * @throws StrataException {@code INVALID_ARGUMENT} saying why the UFS cannot be mounted
     */
    public void check(URI ufs, Map<String, String> options, Duration timeout) {
        UfsFactory factory = factory(ufs.getScheme())
                .orElseThrow(() -> StrataException.invalidArgument(noConnector(ufs.getScheme())));
        Future<Void> attempt = checks.submit(() -> {
            try (Ufs probe = factory.create(ufs, options, new Context(""))) {
                probe.checkReachable();
            }
            return null;
        });
        try {
            attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            throw StrataException.invalidArgument(
                    "UFS " + ufs + " is not reachable: no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.cancel(true);
            throw new StrataException(ErrorKind.UNAVAILABLE, "Interrupted while checking UFS " + ufs);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UfsException failure) {
                String what = failure.kind() == UfsException.Kind.INVALID_CONFIGURATION
                        ? "Invalid configuration of UFS " + ufs
                        : "UFS " + ufs + " is not reachable";
                throw StrataException.invalidArgument(what + ": " + failure.getMessage());
            }
            String reason = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
            LOG.warn("Reachability check of {} failed", ufs, cause);
            throw StrataException.invalidArgument("UFS " + ufs + " is not reachable: " + reason);
        }
    }

    /**
     * The shared connector of {@code mount}, created on first use.
     *
     * @throws StrataException {@code UNAVAILABLE} when no installed connector serves its scheme
     */
    public Ufs connect(MountPoint mount) {
        synchronized (lock) {
            Connection existing = connections.get(mount.path());
            if (existing != null && existing.mount().equals(mount)) {
                return existing.ufs();
            }
            UfsFactory factory = factory(mount.scheme())
                    .orElseThrow(() -> new StrataException(
                            ErrorKind.UNAVAILABLE,
                            "UFS scheme " + mount.scheme() + " of mount point " + mount.path() + " is not available: "
                                    + noConnector(mount.scheme())));
            Ufs ufs;
            try {
                ufs = factory.create(mount.ufs(), mount.options(), new Context(mount.path()));
            } catch (UfsException e) {
                throw new StrataException(
                        ErrorKind.UNAVAILABLE,
                        "The connector refuses mount point " + mount.path() + ": " + e.getMessage());
            }
            connections.put(mount.path(), new Connection(mount, factory, ufs));
            if (existing != null) {
                closeQuietly(existing.mount(), existing.ufs());
            }
            return ufs;
        }
    }

    /** Closes the connectors of mounts that are no longer in the table. */
    public void retain(Collection<MountPoint> mounts) {
        Set<MountPoint> current = Set.copyOf(mounts);
        List<Connection> closing = new ArrayList<>();
        synchronized (lock) {
            connections.values().removeIf(connection -> {
                if (!current.contains(connection.mount())) {
                    closing.add(connection);
                    return true;
                }
                return false;
            });
        }
        closing.forEach(connection -> closeQuietly(connection.mount(), connection.ufs()));
    }

    String noConnector(String scheme) {
        SortedSet<String> installed = schemes();
        return "No UFS connector is installed for scheme '" + scheme + "' (installed schemes: "
                + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")";
    }

    /** The factory serving {@code scheme}; with several, the one registered first. */
    private Optional<UfsFactory> factory(String scheme) {
        TreeMap<Long, UfsFactory> candidates = new TreeMap<>();
        for (Registration registration : registrations) {
            if (registration.schemes().contains(scheme)) {
                candidates.put(registration.serviceId(), registration.factory());
            }
        }
        return candidates.isEmpty()
                ? Optional.empty()
                : Optional.of(candidates.firstEntry().getValue());
    }

    private static List<String> schemes(Object property) {
        List<String> schemes = new ArrayList<>();
        if (property instanceof String scheme) {
            schemes.add(scheme);
        } else if (property instanceof String[] array) {
            schemes.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(value -> schemes.add(String.valueOf(value)));
        }
        return schemes.stream()
                .map(String::strip)
                .filter(scheme -> !scheme.isEmpty())
                .map(scheme -> scheme.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    private static void closeQuietly(MountPoint mount, Ufs ufs) {
        try {
            ufs.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Closing the connector of mount point {} failed", mount.path(), e);
        }
    }
}
