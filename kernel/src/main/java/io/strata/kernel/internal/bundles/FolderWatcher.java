package io.strata.kernel.internal.bundles;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches {@code bundles/} and {@code plugins/} with the file system's change events (inotify on
 * Linux) and syncs a folder {@value #SETTLE_MS} ms after its last event; a rescan every
 * {@value #RESCAN_MS} ms catches anything the events missed. A jar still being copied is
 * recognised as incomplete (no zip end record) and taken once the copy is finished; an atomic
 * {@code mv} is seen fastest.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    static final long SETTLE_MS = 15;
    static final long RESCAN_MS = 2_000;

    private final BundleManager manager;
    private final WatchService watchService;
    private final ScheduledExecutorService executor;
    private final Thread eventThread;
    private final Map<Path, ScheduledFuture<?>> pending = new HashMap<>();

    public FolderWatcher(BundleManager manager) throws IOException {
        this.manager = requireNonNull(manager, "manager is null");
        this.watchService = FileSystems.getDefault().newWatchService();
        for (Path folder : manager.folders()) {
            Files.createDirectories(folder);
            folder.register(
                    watchService,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-bundle-sync");
            thread.setDaemon(true);
            return thread;
        });
        this.eventThread = new Thread(this::watch, "strata-bundle-watch");
        this.eventThread.setDaemon(true);
    }

    public void start() {
        eventThread.start();
        executor.scheduleWithFixedDelay(this::rescan, RESCAN_MS, RESCAN_MS, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                Path folder = (Path) key.watchable();
                key.pollEvents();
                key.reset();
                schedule(folder.toAbsolutePath().normalize(), SETTLE_MS);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private synchronized void schedule(Path folder, long delayMs) {
        ScheduledFuture<?> previous = pending.get(folder);
        if (previous != null && !previous.isDone()) {
            previous.cancel(false);
        }
        if (!executor.isShutdown()) {
            pending.put(folder, executor.schedule(() -> sync(folder), delayMs, TimeUnit.MILLISECONDS));
        }
    }

    private void sync(Path folder) {
        try {
            manager.syncFolder(folder);
        } catch (IOException | RuntimeException e) {
            LOG.error("Syncing {} failed", folder, e);
        }
    }

    private void rescan() {
        for (Path folder : manager.folders()) {
            try {
                if (manager.changed(folder)) {
                    schedule(folder, 0);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Rescanning {} failed: {}", folder, e.toString());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.warn("Closing the folder watcher failed", e);
        }
        eventThread.interrupt();
    }
}
