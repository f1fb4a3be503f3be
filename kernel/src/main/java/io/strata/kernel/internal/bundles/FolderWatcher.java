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
 * Linux) and syncs a folder once its jars have stopped changing for {@value #SETTLE_MS} ms; a
 * rescan every {@value #RESCAN_MS} ms catches anything the events missed. Copying a jar in with
 * {@code cp} works; an atomic {@code mv} is seen fastest.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    static final long SETTLE_MS = 40;
    static final long RESCAN_MS = 2_000;

    private final BundleManager manager;
    private final WatchService watchService;
    private final ScheduledExecutorService executor;
    private final Thread eventThread;
    private final Map<Path, ScheduledFuture<?>> pending = new HashMap<>();
    private final Map<Path, String> lastSnapshot = new HashMap<>();

    public FolderWatcher(BundleManager manager) throws IOException {
        this.manager = requireNonNull(manager, "manager is null");
        this.watchService = FileSystems.getDefault().newWatchService();
        for (Path folder : manager.folders()) {
            Files.createDirectories(folder);
            folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
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
            pending.put(folder, executor.schedule(() -> settleAndSync(folder), delayMs, TimeUnit.MILLISECONDS));
        }
    }

    /** Syncs when the folder looks the same as at the previous look; otherwise looks again shortly. */
    private void settleAndSync(Path folder) {
        try {
            String snapshot = snapshot(folder);
            String previous = lastSnapshot.put(folder, snapshot);
            if (!snapshot.equals(previous)) {
                schedule(folder, SETTLE_MS);
                return;
            }
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

    private static String snapshot(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        if (Files.isDirectory(folder)) {
            try (var stream = Files.list(folder)) {
                for (Path file : stream.sorted().toList()) {
                    if (Files.isRegularFile(file)) {
                        text.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                                .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
                    }
                }
            }
        }
        return text.toString();
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
