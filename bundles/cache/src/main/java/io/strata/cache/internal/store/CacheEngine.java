package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.strata.cache.CachedFile;
import io.strata.cache.CachedPage;
import io.strata.cache.FileVersion;
import io.strata.cache.PageCache;
import io.strata.cache.TierUsage;
import io.strata.cache.spi.AdmissionRequest;
import io.strata.cache.spi.CacheAdmissionPolicy;
import io.strata.cache.spi.CacheUsageListener;
import io.strata.cache.spi.EvictionRankPolicy;
import io.strata.cache.spi.ExpiryPolicy;
import io.strata.spi.metrics.MetricNames;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page cache engine: page files on the tiers, the compact {@link PageIndex}, placement,
 * eviction, expiry, recovery at start and the policy hooks.
 *
 * <h2>Placement</h2>
 * A new page goes to the first tier (lowest level) with room for it under its capacity. When no
 * tier has room, pages are evicted synchronously ({@code capacity}): from the tier whose lowest
 * cached rank is lowest (on a tie, the last tier), lowest rank first and least recently used first
 * within a rank, until the page fits there; the page is written there. The background evictor
 * keeps each tier between its watermarks: when a tier holds more than {@code high} of its
 * capacity, it moves its least valuable pages (same order) until it holds at most {@code low}:
 * a tier that has a next tier demotes them (copies them into the next tier, which is drained
 * the same way first whenever the demotion would take it over its own high watermark); the last
 * tier drops them. So data flows MEM -> SSD -> out, and every tier keeps its hottest pages.
 *
 * <h2>Concurrency</h2>
 * One lock guards the index, the entries' counters and the tiers' counters; it is held for
 * lookups and list updates only, never for file I/O. The entry monitor orders the file operations
 * of one entry (rename of a new page and its commit, deletion of an evicted page file, removal of
 * the meta files), so a page file is never deleted while the index holds it. Lock order: entry
 * monitor, then the engine lock.
 *
 * <h2>Disk layout</h2>
 * {@code <tier>/.lock}, and {@code <tier>/pages/<2 hex>/<16 hex key>/} per entry with a
 * {@code meta} file (path, version, page size) and page files {@code <page>_<cached at>} (see
 * {@link PageFiles}). At start the index is rebuilt from the meta files and the page file names
 * (no page is opened or stat-ed); recovered pages are verified on their first read.
 */
public final class CacheEngine implements PageCache, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CacheEngine.class);
    /** Page files kept open between reads (file descriptors held while the pages stay cached). */
    static final int OPEN_PAGE_FILES = 1024;

    /** Engine seconds count from 2020-01-01, so an int lasts until 2088. */
    static final long EPOCH_BASE_SECONDS = 1_577_836_800L;

    private static final int BATCH = 256;
    static final String METRIC_PREFIX = "strata.worker.cache.";

    private final StoreSettings settings;
    private final int pageSize;
    private final Tier[] tiers;
    private final Clock clock;
    private final MetricRegistry metrics;
    private final List<String> metricNames = new ArrayList<>();
    private final List<TierLock> locks = new ArrayList<>();

    private final Object lock = new Object();
    private final ConcurrentHashMap<String, FileEntry> files = new ConcurrentHashMap<>();
    // guarded by lock
    private final PageIndex index;
    private FileEntry[] byId = new FileEntry[1024];
    private int[] freeIds = new int[64];
    private int freeIdCount;
    private int nextId;

    private final Policies policies = new Policies();
    private final OpenPages openPages = new OpenPages(OPEN_PAGE_FILES);
    private final UsageTracker usage;
    private final ScheduledExecutorService maintenance;
    private final ExecutorService notifier;
    private final AtomicBoolean evictionQueued = new AtomicBoolean();
    private final AtomicBoolean reevaluationQueued = new AtomicBoolean();
    private final AtomicLong temporaryNames = new AtomicLong();
    private volatile boolean closed;

    private final Counter hits;
    private final Counter misses;
    private final Counter puts;
    private final Counter refusals;
    private final Counter failures;
    private final Counter demotions;
    private final Counter tornPages;
    private final Counter lostPages;
    private final Map<EvictionReason, Counter> evictions = new EnumMap<>(EvictionReason.class);

    /**
     * Opens the cache: locks every tier directory, removes temporary files and garbage left by a
     * crash, rebuilds the index from disk, registers the metrics and starts the background work.
     *
     * @throws IllegalStateException when a tier directory is locked by another process
     * @throws UncheckedIOException when a tier directory cannot be used
     */
    public CacheEngine(StoreSettings settings, MetricRegistry metrics, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pageSize = settings.pageSize();
        List<TierSpec> specs = settings.tiers();
        this.tiers = new Tier[specs.size()];
        for (int level = 0; level < tiers.length; level++) {
            tiers[level] = new Tier(level, specs.get(level), settings.highWatermark(), settings.lowWatermark());
        }
        this.index = new PageIndex(tiers.length, 1024);
        this.hits = counter("page.hits");
        this.misses = counter("page.misses");
        this.puts = counter("page.puts");
        this.refusals = counter("page.refusals");
        this.failures = counter("page.write.failures");
        this.demotions = counter("page.demotions");
        this.tornPages = counter("page.torn");
        this.lostPages = counter("page.lost");
        for (EvictionReason reason : EvictionReason.values()) {
            evictions.put(reason, tagged("page.evictions", "reason", reason.tag()));
        }
        this.maintenance = Executors.newSingleThreadScheduledExecutor(daemon("strata-cache-maintenance"));
        this.notifier = Executors.newSingleThreadExecutor(daemon("strata-cache-usage"));
        this.usage = new UsageTracker(notifier);
        try {
            String owner = "pid " + ProcessHandle.current().pid();
            for (Tier tier : tiers) {
                Files.createDirectories(tier.pagesRoot);
                locks.add(TierLock.acquire(tier.spec.directory(), owner));
                warnWhenTooSmall(tier);
            }
            recover();
        } catch (IOException e) {
            shutdown();
            throw new UncheckedIOException("Cannot open the cache tiers: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
        for (Tier tier : tiers) {
            gauge("tier.used.bytes", tier, () -> tier.used);
            gauge("tier.pages", tier, () -> tier.pages);
            gauge("tier.capacity.bytes", tier, () -> tier.capacity);
        }
        long interval = settings.evictionInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::evictToWatermarks, interval, interval, TimeUnit.MILLISECONDS);
        long expiry = settings.expiryInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::expire, expiry, expiry, TimeUnit.MILLISECONDS);
        requestEviction();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void warnWhenTooSmall(Tier tier) {
        try {
            long total = Files.getFileStore(tier.spec.directory()).getTotalSpace();
            if (total > 0 && tier.capacity > total) {
                LOG.warn(
                        "Cache tier {} at {} has a capacity of {} bytes, more than its file system holds ({} bytes);"
                                + " writes will fail once the disk is full",
                        tier.name,
                        tier.spec.directory(),
                        tier.capacity,
                        total);
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the file system of {}", tier.spec.directory(), e);
        }
    }

    // ------------------------------------------------------------------ PageCache

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public Optional<CachedPage> get(String path, FileVersion version, long pageIndex) {
        return open(path, version, pageIndex, true);
    }

    @Override
    public Optional<CachedPage> getIfCached(String path, FileVersion version, long pageIndex) {
        return open(path, version, pageIndex, false);
    }

    /**
     * A cached page, opened: one index lookup, then the page file kept open from an earlier read
     * ({@link OpenPages}), or else opened (verified the first time) and kept.
     */
    private Optional<CachedPage> open(String path, FileVersion version, long pageIndex, boolean countMiss) {
        requireNonNull(path, "path is null");
        requireNonNull(version, "version is null");
        int length = version.pageLength(pageSize, pageNumber(pageIndex));
        FileEntry entry = files.get(path);
        if (entry == null || closed) {
            return miss(countMiss);
        }
        if (!entry.version.equals(version)) {
            dropEntry(entry, EvictionReason.INVALIDATION);
            return miss(countMiss);
        }
        int page = (int) pageIndex;
        int tier;
        int cachedAt;
        boolean verified;
        Removal removal = null;
        synchronized (lock) {
            int slot = entry.alive ? index.find(entry.id, page) : PageIndex.NONE;
            if (slot == PageIndex.NONE) {
                return miss(countMiss);
            }
            cachedAt = index.cachedAt(slot);
            if (expired(entry, cachedAt, nowSeconds())) {
                removal = new Removal();
                removeLocked(slot, entry, EvictionReason.EXPIRY, removal);
                tier = -1;
                verified = false;
            } else {
                index.touch(slot);
                tier = index.tier(slot);
                verified = index.verified(slot);
            }
        }
        if (removal != null) {
            finish(removal);
            return miss(countMiss);
        }
        if (verified) {
            OpenPages.Handle kept = openPages.acquire(entry, page, tier, cachedAt);
            if (kept != null) {
                hits.inc();
                return Optional.of(new FilePage(kept, length));
            }
        }
        Path file = tiers[tier].pageFile(entry, page, epochSeconds(cachedAt));
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            LOG.warn("Page file {} of {} is gone; dropping the page", file, path);
            dropPage(entry, page, tier, cachedAt, lostPages);
            return miss(countMiss);
        } catch (IOException e) {
            LOG.warn("Cannot open page file {} of {}: {}", file, path, e.toString());
            return miss(countMiss);
        }
        if (!verified) {
            boolean whole;
            try {
                whole = PageFiles.verify(channel, length);
            } catch (IOException e) {
                LOG.warn("Cannot verify page file {} of {}: {}", file, path, e.toString());
                whole = false;
            }
            if (!whole) {
                closeQuietly(channel);
                LOG.warn("Page file {} of {} is torn (wrong length or checksum); dropping it", file, path);
                dropPage(entry, page, tier, cachedAt, tornPages);
                return miss(countMiss);
            }
            markVerified(entry, page, tier, cachedAt);
        }
        OpenPages.Handle handle = openPages.keep(entry, page, tier, cachedAt, channel);
        boolean stillCached;
        synchronized (lock) {
            stillCached = slotOf(entry, page, tier, cachedAt) != PageIndex.NONE;
        }
        if (!stillCached) {
            // removed meanwhile, maybe before the handle was kept: do not keep it (this read still
            // gets the page, as it would had it opened the file just before the removal)
            openPages.drop(entry, page, tier, cachedAt);
        }
        hits.inc();
        return Optional.of(new FilePage(handle, length));
    }

    private Optional<CachedPage> miss(boolean countMiss) {
        if (countMiss) {
            misses.inc();
        }
        return Optional.empty();
    }

    @Override
    public boolean put(String path, FileVersion version, long pageIndex, byte[] data, int length) {
        requireNonNull(path, "path is null");
        requireNonNull(version, "version is null");
        requireNonNull(data, "data is null");
        int expected = version.pageLength(pageSize, pageNumber(pageIndex));
        if (length != expected || data.length < length) {
            throw new IllegalArgumentException("page " + pageIndex + " of " + path + " has " + expected + " bytes; got "
                    + length + " (array of " + data.length + ")");
        }
        if (closed) {
            return false;
        }
        int page = (int) pageIndex;
        FileEntry current = files.get(path);
        boolean sameVersion = current != null && current.version.equals(version);
        if (sameVersion && isCached(current, page)) {
            return true;
        }
        long generation = policies.generation();
        int rank = sameVersion ? current.rank : policies.rank(path);
        long ttl = sameVersion ? current.ttlSeconds : policies.ttlSeconds(path);
        if (policies.hasAdmission() && !admit(path, pageIndex, length, rank)) {
            refusals.inc();
            return false;
        }

        // pages of another version go in the background; pages evicted for room go before the write
        Removal invalidated = new Removal(true);
        Removal removal = new Removal();
        FileEntry entry;
        Tier tier;
        int now = nowSeconds();
        synchronized (lock) {
            entry = files.get(path);
            if (entry != null && !entry.version.equals(version)) {
                dropEntryLocked(entry, EvictionReason.INVALIDATION, invalidated);
                entry = null;
            }
            int slot = entry == null ? PageIndex.NONE : index.find(entry.id, page);
            if (slot != PageIndex.NONE && expired(entry, index.cachedAt(slot), now)) {
                // pending > 0 keeps the entry while its last page goes
                entry.pending++;
                removeLocked(slot, entry, EvictionReason.EXPIRY, removal);
                entry.pending--;
                slot = PageIndex.NONE;
            }
            if (slot != PageIndex.NONE) {
                tier = null;
            } else {
                if (entry == null) {
                    entry = createEntryLocked(
                            path,
                            version,
                            nextKey(),
                            clock.millis(),
                            rank,
                            generation == policies.generation() ? ttl : -1);
                    if (generation != policies.generation()) {
                        requestReevaluation();
                    }
                }
                int level = placementLocked(length);
                if (level < 0) {
                    level = evictForLocked(length, removal);
                }
                if (level < 0) {
                    retireIfEmptyLocked(entry, removal);
                    tier = null;
                    entry = null;
                } else {
                    tier = tiers[level];
                    tier.reserved += length;
                    entry.pending++;
                }
            }
        }
        finish(invalidated);
        finish(removal);
        if (entry == null) {
            LOG.debug("No room for page {} of {} ({} bytes) on any tier", pageIndex, path, length);
            failures.inc();
            return false;
        }
        if (tier == null) {
            return true; // cached meanwhile
        }
        boolean cached = write(entry, page, tier, now, data, length);
        if (cached) {
            puts.inc();
            if (tier.used > tier.highBytes) {
                requestEviction();
            }
        }
        return cached;
    }

    @Override
    public boolean contains(String path, FileVersion version, long pageIndex) {
        requireNonNull(path, "path is null");
        requireNonNull(version, "version is null");
        version.pageLength(pageSize, pageNumber(pageIndex));
        FileEntry entry = files.get(path);
        if (entry == null || !entry.version.equals(version)) {
            return false;
        }
        synchronized (lock) {
            int slot = entry.alive ? index.find(entry.id, (int) pageIndex) : PageIndex.NONE;
            return slot != PageIndex.NONE && !expired(entry, index.cachedAt(slot), nowSeconds());
        }
    }

    @Override
    public void invalidate(String path) {
        requireNonNull(path, "path is null");
        FileEntry entry = files.get(path);
        if (entry != null) {
            dropEntry(entry, EvictionReason.INVALIDATION);
        }
    }

    @Override
    public Set<String> cachedPaths() {
        return Collections.unmodifiableSet(files.keySet());
    }

    @Override
    public Optional<CachedFile> cachedFile(String path) {
        requireNonNull(path, "path is null");
        FileEntry entry = files.get(path);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (lock) {
            if (!entry.alive || entry.pages == 0) {
                return Optional.empty();
            }
            return Optional.of(new CachedFile(entry.path, entry.version, entry.pages, entry.bytes));
        }
    }

    @Override
    public List<TierUsage> tiers() {
        synchronized (lock) {
            List<TierUsage> result = new ArrayList<>(tiers.length);
            for (Tier tier : tiers) {
                result.add(tier.usage());
            }
            return result;
        }
    }

    // ------------------------------------------------------------------ policies

    public void addAdmissionPolicy(CacheAdmissionPolicy policy) {
        policies.addAdmission(requireNonNull(policy, "policy is null"));
    }

    public void removeAdmissionPolicy(CacheAdmissionPolicy policy) {
        policies.removeAdmission(policy);
    }

    public void addRankPolicy(EvictionRankPolicy policy) {
        policies.addRank(requireNonNull(policy, "policy is null"));
        requestReevaluation();
    }

    public void removeRankPolicy(EvictionRankPolicy policy) {
        policies.removeRank(policy);
        requestReevaluation();
    }

    public void addExpiryPolicy(ExpiryPolicy policy) {
        policies.addExpiry(requireNonNull(policy, "policy is null"));
        requestReevaluation();
    }

    public void removeExpiryPolicy(ExpiryPolicy policy) {
        policies.removeExpiry(policy);
        requestReevaluation();
    }

    /** A rank or expiry policy's answers changed: ask again for every cached file, in the background. */
    public void policiesChanged() {
        policies.changed();
        requestReevaluation();
    }

    /** Registers a usage listener for {@code prefixes} (or changes its prefixes); it is told the current totals. */
    public void addUsageListener(CacheUsageListener listener, List<String> prefixes) {
        requireNonNull(listener, "listener is null");
        requireNonNull(prefixes, "prefixes is null");
        synchronized (lock) {
            usage.register(listener, prefixes, files.values());
        }
    }

    public void removeUsageListener(CacheUsageListener listener) {
        synchronized (lock) {
            usage.unregister(listener);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Stops the background work, releases the tier locks and removes the metrics. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdown();
        LOG.info("Page cache closed: {}", tiers());
    }

    private void shutdown() {
        closed = true;
        maintenance.shutdownNow();
        notifier.shutdown();
        try {
            if (!maintenance.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The cache maintenance thread did not stop within 10 s");
            }
            notifier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TierLock tierLock : locks) {
            try {
                tierLock.close();
            } catch (IOException e) {
                LOG.warn("Cannot release a cache tier lock: {}", e.toString());
            }
        }
        locks.clear();
        openPages.clear();
        metricNames.forEach(metrics::remove);
        metricNames.clear();
    }

    // ------------------------------------------------------------------ test and benchmark hooks

    /** How many page files are kept open between reads. */
    int openPageFiles() {
        return openPages.size();
    }

    /** Runs one pass of the background evictor now, on the calling thread. */
    void evictNow() {
        evictToWatermarks();
    }

    /** Runs one expiry scan now, on the calling thread. */
    void expireNow() {
        expire();
    }

    /** Asks every policy again now, on the calling thread. */
    void reevaluateNow() {
        reevaluate();
    }

    /** Waits for the background work queued so far, and for the usage notices queued so far (for tests). */
    public void awaitMaintenance() throws InterruptedException {
        try {
            maintenance.submit(() -> {}).get(30, TimeUnit.SECONDS);
            notifier.submit(() -> {}).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts a page into the index only, without a page file, the way recovery does (for the heap
     * benchmark, which measures the index of millions of pages without writing them).
     */
    void indexWithoutFile(String path, FileVersion version, int page, int level) {
        synchronized (lock) {
            FileEntry entry = files.get(path);
            if (entry == null) {
                entry = createEntryLocked(path, version, nextKey(), clock.millis(), EvictionRankPolicy.DEFAULT, -1);
            }
            addRecoveredLocked(entry, page, tiers[level], nowSeconds(), true);
        }
    }

    /** Bytes of heap held by the index arrays (for the heap benchmark). */
    long indexArrayBytes() {
        synchronized (lock) {
            return index.arrayBytes() + (long) byId.length * 4 + (long) freeIds.length * 4;
        }
    }

    /** The pages of each list of a tier, least recently used first (for tests). */
    List<String> lruOrder(int level) {
        List<String> order = new ArrayList<>();
        synchronized (lock) {
            for (int rank = 0; rank < PageIndex.RANKS; rank++) {
                for (int slot = index.oldest(PageIndex.list(level, rank));
                        slot != PageIndex.NONE;
                        slot = index.newer(slot)) {
                    order.add(byId[index.file(slot)].path + "#" + index.page(slot));
                }
            }
        }
        return order;
    }

    /** Checks that counters agree with the index (for tests); returns a description of every mismatch. */
    List<String> checkConsistency() {
        List<String> problems = new ArrayList<>();
        synchronized (lock) {
            long[] tierBytes = new long[tiers.length];
            long[] tierPages = new long[tiers.length];
            long pagesTotal = 0;
            for (FileEntry entry : files.values()) {
                if (!entry.alive) {
                    problems.add("dead entry in the map: " + entry);
                    continue;
                }
                long bytes = 0;
                int pages = 0;
                for (int slot = index.firstOfFile(entry.id); slot != PageIndex.NONE; slot = index.nextOfFile(slot)) {
                    int length = entry.version.pageLength(pageSize, index.page(slot));
                    bytes += length;
                    pages++;
                    tierBytes[index.tier(slot)] += length;
                    tierPages[index.tier(slot)]++;
                    if (index.find(entry.id, index.page(slot)) != slot) {
                        problems.add("page " + index.page(slot) + " of " + entry + " not found by lookup");
                    }
                    if (index.rank(slot) != entry.rank) {
                        problems.add("page " + index.page(slot) + " of " + entry + " has rank " + index.rank(slot)
                                + ", its file " + entry.rank);
                    }
                }
                if (bytes != entry.bytes || pages != entry.pages) {
                    problems.add(entry + " counts " + entry.pages + " pages " + entry.bytes + " bytes, index " + pages
                            + " pages " + bytes + " bytes");
                }
                pagesTotal += pages;
            }
            if (pagesTotal != index.size()) {
                problems.add("index holds " + index.size() + " pages, files " + pagesTotal);
            }
            for (Tier tier : tiers) {
                if (tier.used != tierBytes[tier.level] || tier.pages != tierPages[tier.level]) {
                    problems.add("tier " + tier.name + " counts " + tier.pages + " pages " + tier.used
                            + " bytes, index " + tierPages[tier.level] + " pages " + tierBytes[tier.level] + " bytes");
                }
                if (tier.reserved != 0) {
                    problems.add("tier " + tier.name + " has " + tier.reserved + " bytes reserved at rest");
                }
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ writing

    private boolean admit(String path, long pageIndex, int length, int rank) {
        OptionalInt lowest;
        boolean needsEviction;
        synchronized (lock) {
            lowest = lowestRankLocked();
            needsEviction = placementLocked(length) < 0;
        }
        return policies.admit(new Request(path, pageIndex, length, rank, lowest, needsEviction));
    }

    private record Request(
            String path, long pageIndex, int length, int rank, OptionalInt lowestCachedRank, boolean needsEviction)
            implements AdmissionRequest {}

    /** Writes a reserved page and commits it; releases the reservation whatever happens. */
    private boolean write(FileEntry entry, int page, Tier tier, int now, byte[] data, int length) {
        Path temporary = null;
        boolean reserved = true;
        try {
            Path directory;
            synchronized (entry) {
                if (!entry.alive) {
                    return false;
                }
                directory = ensureDirectory(entry, tier);
            }
            temporary = directory.resolve(page + "." + temporaryNames.incrementAndGet() + PageFiles.TEMP_SUFFIX);
            PageFiles.write(temporary, data, length);
            Path target = tier.pageFile(entry, page, epochSeconds(now));
            synchronized (entry) {
                if (!entry.alive) {
                    return false;
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                temporary = null;
                Commit commit;
                synchronized (lock) {
                    reserved = false;
                    commit = commitLocked(entry, page, tier, now, length);
                }
                if (commit == Commit.OTHER_FILE || commit == Commit.DEAD) {
                    Files.deleteIfExists(target);
                }
                return commit != Commit.DEAD;
            }
        } catch (IOException | RuntimeException e) {
            if (!entry.alive) {
                // the path was invalidated meanwhile and its directory went with it
                LOG.debug("Page {} of {} was dropped while it was written: {}", page, entry.path, e.toString());
                return false;
            }
            failures.inc();
            LOG.warn("Cannot cache page {} of {} on tier {}: {}", page, entry.path, tier.name, e.toString());
            return false;
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
            if (reserved) {
                Removal removal = new Removal();
                synchronized (lock) {
                    tier.reserved -= length;
                    entry.pending--;
                    retireIfEmptyLocked(entry, removal);
                }
                finish(removal);
            }
        }
    }

    private enum Commit {
        /** The page is in the index now. */
        ADDED,
        /** Another writer cached the page first, under the same file name (its bytes are equal). */
        SAME_FILE,
        /** Another writer cached the page first, in another file; this one goes. */
        OTHER_FILE,
        /** The entry was dropped meanwhile; this file goes. */
        DEAD
    }

    private Commit commitLocked(FileEntry entry, int page, Tier tier, int now, int length) {
        tier.reserved -= length;
        entry.pending--;
        if (!entry.alive) {
            return Commit.DEAD;
        }
        int slot = index.find(entry.id, page);
        if (slot != PageIndex.NONE) {
            boolean sameFile = index.tier(slot) == tier.level && index.cachedAt(slot) == now;
            return sameFile ? Commit.SAME_FILE : Commit.OTHER_FILE;
        }
        index.add(entry.id, page, tier.level, entry.rank, now, true);
        tier.used += length;
        tier.pages++;
        entry.pages++;
        entry.bytes += length;
        entry.oldestCachedAt = Math.min(entry.oldestCachedAt, now);
        usage.add(entry, length);
        return Commit.ADDED;
    }

    /** The entry's directory on the tier, made (with its meta file) when missing. Entry monitor held. */
    private Path ensureDirectory(FileEntry entry, Tier tier) throws IOException {
        Path directory = tier.directory(entry);
        int bit = 1 << tier.level;
        if ((entry.tierDirectories & bit) == 0) {
            Files.createDirectories(directory);
            new MetaFile(entry.key, pageSize, entry.createdAtMillis, entry.path, entry.version)
                    .write(directory, MetaFile.NAME + "." + temporaryNames.incrementAndGet() + PageFiles.TEMP_SUFFIX);
            entry.tierDirectories |= bit;
        }
        return directory;
    }

    /** The first tier with room for {@code length} bytes, or -1. Lock held. */
    private int placementLocked(int length) {
        for (Tier tier : tiers) {
            if (tier.hasRoom(length)) {
                return tier.level;
            }
        }
        return -1;
    }

    /**
     * Evicts pages until {@code length} bytes fit on one tier: the tier whose lowest cached rank is
     * lowest (the last such tier on a tie). Lock held.
     *
     * @return that tier, or -1 when it cannot be done (the page is larger than every tier, or the
     *     room is taken by writes in flight)
     */
    private int evictForLocked(int length, Removal removal) {
        int chosen = -1;
        int chosenRank = Integer.MAX_VALUE;
        for (Tier tier : tiers) {
            if (tier.capacity < length) {
                continue;
            }
            int rank = lowestRankLocked(tier.level);
            if (rank <= chosenRank && rank != Integer.MAX_VALUE) {
                chosen = tier.level;
                chosenRank = rank;
            }
        }
        if (chosen < 0) {
            return -1;
        }
        Tier tier = tiers[chosen];
        while (!tier.hasRoom(length)) {
            int slot = oldestLocked(chosen);
            if (slot == PageIndex.NONE) {
                return -1;
            }
            removeLocked(slot, byId[index.file(slot)], EvictionReason.CAPACITY, removal);
        }
        return chosen;
    }

    // ------------------------------------------------------------------ reading helpers

    private boolean isCached(FileEntry entry, int page) {
        synchronized (lock) {
            int slot = entry.alive ? index.find(entry.id, page) : PageIndex.NONE;
            return slot != PageIndex.NONE && !expired(entry, index.cachedAt(slot), nowSeconds());
        }
    }

    private void markVerified(FileEntry entry, int page, int tier, int cachedAt) {
        synchronized (lock) {
            int slot = slotOf(entry, page, tier, cachedAt);
            if (slot != PageIndex.NONE) {
                index.setVerified(slot);
            }
        }
    }

    /** The slot of exactly this page file, or NONE. Lock held. */
    private int slotOf(FileEntry entry, int page, int tier, int cachedAt) {
        if (!entry.alive) {
            return PageIndex.NONE;
        }
        int slot = index.find(entry.id, page);
        return slot != PageIndex.NONE && index.tier(slot) == tier && index.cachedAt(slot) == cachedAt
                ? slot
                : PageIndex.NONE;
    }

    /** Drops one page file found torn or missing (when the index still holds it). */
    private void dropPage(FileEntry entry, int page, int tier, int cachedAt, Counter counter) {
        Removal removal = new Removal();
        synchronized (lock) {
            int slot = slotOf(entry, page, tier, cachedAt);
            if (slot == PageIndex.NONE) {
                return;
            }
            removeLocked(slot, entry, null, removal);
            counter.inc();
        }
        finish(removal);
    }

    private static boolean expired(FileEntry entry, int cachedAt, int now) {
        return entry.ttlSeconds >= 0 && (long) now - cachedAt >= entry.ttlSeconds;
    }

    // ------------------------------------------------------------------ removal

    /** What to delete on disk after the lock is released. */
    private static final class Removal {
        final List<Victim> pages = new ArrayList<>();
        final List<FileEntry> retired = new ArrayList<>();
        /**
         * Whether the page files of dropped entries may go in the background with their directories
         * (invalidation, off the caller's path); otherwise they are deleted at once, so the disk
         * never holds much more than the capacity.
         */
        final boolean background;

        Removal() {
            this(false);
        }

        Removal(boolean background) {
            this.background = background;
        }

        boolean isEmpty() {
            return pages.isEmpty() && retired.isEmpty();
        }
    }

    private record Victim(FileEntry entry, int page, int tier, int cachedAt) {}

    /** Removes the page in {@code slot}; counts it under {@code reason} when given. Lock held. */
    private void removeLocked(int slot, FileEntry entry, EvictionReason reason, Removal removal) {
        int page = index.page(slot);
        int level = index.tier(slot);
        int cachedAt = index.cachedAt(slot);
        int length = entry.version.pageLength(pageSize, page);
        index.remove(slot);
        Tier tier = tiers[level];
        tier.used -= length;
        tier.pages--;
        entry.pages--;
        entry.bytes -= length;
        usage.add(entry, -length);
        if (reason != null) {
            evictions.get(reason).inc();
        }
        removal.pages.add(new Victim(entry, page, level, cachedAt));
        retireIfEmptyLocked(entry, removal);
    }

    /** Drops an entry with no pages and no writes in flight. Lock held. */
    private void retireIfEmptyLocked(FileEntry entry, Removal removal) {
        if (entry.alive && entry.pages == 0 && entry.pending == 0) {
            retireLocked(entry, removal);
        }
    }

    private void retireLocked(FileEntry entry, Removal removal) {
        entry.alive = false;
        files.remove(entry.path, entry);
        byId[entry.id] = null;
        if (freeIdCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeIdCount++] = entry.id;
        removal.retired.add(entry);
    }

    /** Drops every page of the entry and the entry (writes in flight are abandoned). */
    private void dropEntry(FileEntry entry, EvictionReason reason) {
        Removal removal = new Removal(true);
        synchronized (lock) {
            dropEntryLocked(entry, reason, removal);
        }
        finish(removal);
    }

    private void dropEntryLocked(FileEntry entry, EvictionReason reason, Removal removal) {
        if (!entry.alive) {
            return;
        }
        int slot = index.firstOfFile(entry.id);
        while (slot != PageIndex.NONE) {
            int next = index.nextOfFile(slot);
            removeLocked(slot, entry, reason, removal);
            slot = next;
        }
        if (entry.alive) {
            retireLocked(entry, removal);
        }
    }

    /**
     * Deletes the files of removed pages (unless the page was cached again meanwhile under the same
     * name) and the meta files of retired entries; their directories go in the background.
     */
    private void finish(Removal removal) {
        if (removal.isEmpty()) {
            return;
        }
        for (Victim victim : removal.pages) {
            FileEntry entry = victim.entry();
            openPages.drop(entry, victim.page(), victim.tier(), victim.cachedAt());
            if (!entry.alive && removal.background) {
                continue; // its whole directory goes in the background
            }
            Path file = tiers[victim.tier()].pageFile(entry, victim.page(), epochSeconds(victim.cachedAt()));
            synchronized (entry) {
                boolean cachedAgain;
                synchronized (lock) {
                    cachedAgain = slotOf(entry, victim.page(), victim.tier(), victim.cachedAt()) != PageIndex.NONE;
                }
                if (!cachedAgain) {
                    deleteQuietly(file);
                }
            }
        }
        for (FileEntry entry : removal.retired) {
            List<Path> directories = new ArrayList<>();
            synchronized (entry) {
                for (Tier tier : tiers) {
                    if ((entry.tierDirectories & (1 << tier.level)) != 0) {
                        Path directory = tier.directory(entry);
                        deleteQuietly(directory.resolve(MetaFile.NAME));
                        directories.add(directory);
                    }
                }
                entry.tierDirectories = 0;
            }
            if (!directories.isEmpty()) {
                try {
                    maintenance.execute(() -> directories.forEach(CacheEngine::deleteDirectory));
                } catch (RejectedExecutionException e) {
                    directories.forEach(CacheEngine::deleteDirectory);
                }
            }
        }
    }

    // ------------------------------------------------------------------ background work

    private void requestEviction() {
        if (evictionQueued.compareAndSet(false, true)) {
            try {
                maintenance.execute(() -> {
                    evictionQueued.set(false);
                    evictToWatermarks();
                });
            } catch (RejectedExecutionException e) {
                evictionQueued.set(false);
            }
        }
    }

    private void requestReevaluation() {
        if (reevaluationQueued.compareAndSet(false, true)) {
            try {
                maintenance.execute(() -> {
                    reevaluationQueued.set(false);
                    reevaluate();
                });
            } catch (RejectedExecutionException e) {
                reevaluationQueued.set(false);
            }
        }
    }

    /**
     * Brings every tier above its high watermark down to its low one, last tier first (so a tier
     * has room for the pages demoted into it).
     */
    private void evictToWatermarks() {
        try {
            for (int level = tiers.length - 1; level >= 0 && !closed; level--) {
                Tier tier = tiers[level];
                if (tier.used <= tier.highBytes) {
                    continue;
                }
                long before = tier.used;
                drainTier(tier);
                LOG.debug("Tier {} was over its high watermark: {} -> {} bytes", tier.name, before, tier.used);
            }
        } catch (RuntimeException e) {
            LOG.error("Background eviction failed", e);
        }
    }

    /**
     * Moves a tier's least valuable pages out until it holds at most its low watermark: demoted
     * into the next tier while that has room under its capacity (the next tier is drained first
     * whenever a demotion would take it over its high watermark), dropped otherwise.
     */
    private void drainTier(Tier tier) {
        Tier next = tier.level + 1 < tiers.length ? tiers[tier.level + 1] : null;
        boolean demote = next != null;
        Removal removal = new Removal();
        while (!closed) {
            Demotion demotion = null;
            boolean drainNext = false;
            synchronized (lock) {
                if (tier.used <= tier.lowBytes) {
                    break;
                }
                int slot = oldestLocked(tier.level);
                if (slot == PageIndex.NONE) {
                    break;
                }
                FileEntry entry = byId[index.file(slot)];
                int page = index.page(slot);
                int length = entry.version.pageLength(pageSize, page);
                if (demote && next.used + next.reserved + length > next.highBytes) {
                    drainNext = true;
                } else if (demote) {
                    next.reserved += length;
                    demotion =
                            new Demotion(entry, page, tier, next, index.cachedAt(slot), length, index.verified(slot));
                } else {
                    removeLocked(slot, entry, EvictionReason.WATERMARK, removal);
                }
            }
            if (drainNext) {
                finish(removal);
                removal = new Removal();
                long before = next.used;
                drainTier(next);
                if (next.used >= before) {
                    demote = false; // the next tier cannot make room (writes in flight): drop instead
                }
            } else if (demotion != null) {
                finish(removal);
                removal = new Removal();
                demote(demotion);
            } else if (removal.pages.size() >= BATCH) {
                finish(removal);
                removal = new Removal();
            }
        }
        finish(removal);
    }

    private record Demotion(
            FileEntry entry, int page, Tier from, Tier to, int cachedAt, int length, boolean verified) {}

    /** Copies a page into the next tier and moves it there in the index; drops it when that fails. */
    private void demote(Demotion demotion) {
        FileEntry entry = demotion.entry();
        Path source = demotion.from().pageFile(entry, demotion.page(), epochSeconds(demotion.cachedAt()));
        Path temporary = null;
        boolean reserved = true;
        Counter dropReason = null;
        try {
            Path directory;
            synchronized (entry) {
                if (!entry.alive) {
                    return;
                }
                directory = ensureDirectory(entry, demotion.to());
            }
            temporary =
                    directory.resolve(demotion.page() + "." + temporaryNames.incrementAndGet() + PageFiles.TEMP_SUFFIX);
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                    FileChannel out =
                            FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (!demotion.verified() && !PageFiles.verify(in, demotion.length())) {
                    dropReason = tornPages;
                    return;
                }
                long size = in.size();
                long position = 0;
                while (position < size) {
                    position += in.transferTo(position, size - position, out);
                }
            }
            Path target = demotion.to().pageFile(entry, demotion.page(), epochSeconds(demotion.cachedAt()));
            synchronized (entry) {
                if (!entry.alive) {
                    return;
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                temporary = null;
                boolean moved;
                synchronized (lock) {
                    reserved = false;
                    demotion.to().reserved -= demotion.length();
                    int slot = slotOf(entry, demotion.page(), demotion.from().level, demotion.cachedAt());
                    moved = slot != PageIndex.NONE;
                    if (moved) {
                        index.move(slot, demotion.to().level, index.rank(slot));
                        index.setVerified(slot);
                        demotion.from().used -= demotion.length();
                        demotion.from().pages--;
                        demotion.to().used += demotion.length();
                        demotion.to().pages++;
                    }
                }
                deleteQuietly(moved ? source : target);
                if (moved) {
                    demotions.inc();
                }
            }
        } catch (NoSuchFileException e) {
            dropReason = lostPages;
        } catch (IOException | RuntimeException e) {
            if (entry.alive) {
                LOG.warn(
                        "Cannot demote page {} of {} to tier {}: {}",
                        demotion.page(),
                        entry.path,
                        demotion.to().name,
                        e.toString());
                dropReason = evictionCounter(EvictionReason.WATERMARK);
            }
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
            if (reserved) {
                synchronized (lock) {
                    demotion.to().reserved -= demotion.length();
                }
            }
            if (dropReason != null) {
                dropPage(entry, demotion.page(), demotion.from().level, demotion.cachedAt(), dropReason);
            }
        }
    }

    private Counter evictionCounter(EvictionReason reason) {
        return evictions.get(reason);
    }

    /** Drops expired pages of every file with a time to live. */
    private void expire() {
        try {
            int now = nowSeconds();
            Removal removal = new Removal();
            for (FileEntry entry : files.values()) {
                if (closed) {
                    return;
                }
                if (entry.ttlSeconds < 0) {
                    continue;
                }
                synchronized (lock) {
                    if (!entry.alive || !expired(entry, entry.oldestCachedAt, now)) {
                        continue;
                    }
                    int oldest = Integer.MAX_VALUE;
                    int slot = index.firstOfFile(entry.id);
                    while (slot != PageIndex.NONE) {
                        int next = index.nextOfFile(slot);
                        int cachedAt = index.cachedAt(slot);
                        if (expired(entry, cachedAt, now)) {
                            removeLocked(slot, entry, EvictionReason.EXPIRY, removal);
                        } else {
                            oldest = Math.min(oldest, cachedAt);
                        }
                        slot = next;
                    }
                    entry.oldestCachedAt = oldest;
                }
                if (removal.pages.size() >= BATCH) {
                    finish(removal);
                    removal = new Removal();
                }
            }
            finish(removal);
        } catch (RuntimeException e) {
            LOG.error("Expiry scan failed", e);
        }
    }

    /** Asks the rank and expiry policies again for every cached file. */
    private void reevaluate() {
        try {
            for (FileEntry entry : files.values()) {
                if (closed) {
                    return;
                }
                int rank = policies.rank(entry.path);
                long ttl = policies.ttlSeconds(entry.path);
                synchronized (lock) {
                    if (!entry.alive) {
                        continue;
                    }
                    entry.ttlSeconds = ttl;
                    if (rank != entry.rank) {
                        entry.rank = rank;
                        for (int slot = index.firstOfFile(entry.id);
                                slot != PageIndex.NONE;
                                slot = index.nextOfFile(slot)) {
                            index.move(slot, index.tier(slot), rank);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Re-evaluating the cache policies failed", e);
        }
        expire();
    }

    // ------------------------------------------------------------------ index helpers

    /** The least valuable page of a tier: lowest rank, then least recently used. Lock held. */
    private int oldestLocked(int level) {
        for (int rank = 0; rank < PageIndex.RANKS; rank++) {
            int slot = index.oldest(PageIndex.list(level, rank));
            if (slot != PageIndex.NONE) {
                return slot;
            }
        }
        return PageIndex.NONE;
    }

    /** The lowest rank with pages on a tier, or MAX_VALUE. Lock held. */
    private int lowestRankLocked(int level) {
        for (int rank = 0; rank < PageIndex.RANKS; rank++) {
            if (index.count(PageIndex.list(level, rank)) > 0) {
                return rank;
            }
        }
        return Integer.MAX_VALUE;
    }

    private OptionalInt lowestRankLocked() {
        int lowest = Integer.MAX_VALUE;
        for (Tier tier : tiers) {
            lowest = Math.min(lowest, lowestRankLocked(tier.level));
        }
        return lowest == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(lowest);
    }

    private FileEntry createEntryLocked(
            String path, FileVersion version, long key, long createdAtMillis, int rank, long ttlSeconds) {
        int id;
        if (freeIdCount > 0) {
            id = freeIds[--freeIdCount];
        } else {
            id = nextId++;
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, byId.length + (byId.length >> 1));
            }
        }
        FileEntry entry = new FileEntry(id, path, version, key, createdAtMillis, pageSize, rank, ttlSeconds);
        byId[id] = entry;
        files.put(path, entry);
        return entry;
    }

    private static int pageNumber(long pageIndex) {
        if (pageIndex > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page index " + pageIndex + " is too large for the cache");
        }
        return (int) pageIndex;
    }

    private static long nextKey() {
        return ThreadLocalRandom.current().nextLong();
    }

    private int nowSeconds() {
        return (int) (clock.millis() / 1000 - EPOCH_BASE_SECONDS);
    }

    private static long epochSeconds(int engineSeconds) {
        return engineSeconds + EPOCH_BASE_SECONDS;
    }

    // ------------------------------------------------------------------ recovery

    /**
     * Rebuilds the index from disk. The shard folders of each tier are scanned in parallel (meta
     * files read, page file names listed and parsed, leftovers deleted); the results are merged
     * into the index on this thread, shard by shard.
     */
    private void recover() throws IOException {
        long started = System.nanoTime();
        Recovery recovery = new Recovery();
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ExecutorService scanners = Executors.newFixedThreadPool(threads, daemon("strata-cache-recovery"));
        try {
            for (Tier tier : tiers) {
                List<Path> shards = new ArrayList<>();
                try (DirectoryStream<Path> listing = Files.newDirectoryStream(tier.pagesRoot)) {
                    for (Path shard : listing) {
                        if (isHex(shard.getFileName().toString(), 2) && Files.isDirectory(shard)) {
                            shards.add(shard);
                        }
                    }
                }
                CompletionService<List<Scanned>> scans = new ExecutorCompletionService<>(scanners);
                for (Path shard : shards) {
                    scans.submit(() -> scanShard(tier, shard, recovery));
                }
                for (int done = 0; done < shards.size(); done++) {
                    List<Scanned> scanned = scans.take().get();
                    synchronized (lock) {
                        for (Scanned directory : scanned) {
                            merge(tier, directory, recovery);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the cache", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        } finally {
            scanners.shutdownNow();
        }
        long bytes = 0;
        for (Tier tier : tiers) {
            bytes += tier.used;
        }
        LOG.info(
                "Page cache opened in {} ms: {} pages ({} bytes) of {} files on {}; removed {} temporary files,"
                        + " {} page files and {} directories left by a crash or another version",
                (System.nanoTime() - started) / 1_000_000,
                index.size(),
                bytes,
                files.size(),
                Arrays.stream(tiers)
                        .map(tier -> tier.name + " " + tier.spec.directory())
                        .toList(),
                recovery.temporaryFiles.get(),
                recovery.pageFiles.get(),
                recovery.directories.get());
    }

    private static final class Recovery {
        final AtomicLong temporaryFiles = new AtomicLong();
        final AtomicLong pageFiles = new AtomicLong();
        final AtomicLong directories = new AtomicLong();
    }

    /** One file directory as found on disk: its meta file and its page files (index, cache time). */
    private record Scanned(Path directory, MetaFile meta, int[] pages, int[] cachedAt, int count) {}

    private List<Scanned> scanShard(Tier tier, Path shard, Recovery recovery) throws IOException {
        List<Scanned> scanned = new ArrayList<>();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(shard)) {
            for (Path directory : directories) {
                Scanned one = scanDirectory(directory, recovery);
                if (one != null) {
                    scanned.add(one);
                }
            }
        }
        return scanned;
    }

    /** Reads one file directory; deletes it when it is garbage, and its leftovers. */
    private Scanned scanDirectory(Path directory, Recovery recovery) throws IOException {
        String name = directory.getFileName().toString();
        if (!isHex(name, 16)) {
            return null;
        }
        long key = Long.parseUnsignedLong(name, 16);
        Optional<MetaFile> read = MetaFile.read(directory);
        if (read.isEmpty()
                || read.get().key() != key
                || read.get().pageSize() != pageSize
                || !directory.getParent().getFileName().toString().equals(name.substring(0, 2))) {
            deleteDirectory(directory);
            recovery.directories.incrementAndGet();
            return null;
        }
        MetaFile meta = read.get();
        long pageCount = meta.version().pageCount(pageSize);
        int[] pages = new int[16];
        int[] cachedAt = new int[16];
        int count = 0;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                String file = child.getFileName().toString();
                if (file.equals(MetaFile.NAME)) {
                    continue;
                }
                if (file.endsWith(PageFiles.TEMP_SUFFIX)) {
                    deleteQuietly(child);
                    recovery.temporaryFiles.incrementAndGet();
                    continue;
                }
                int page = PageFiles.page(file);
                long seconds = PageFiles.cachedAt(file) - EPOCH_BASE_SECONDS;
                if (page < 0 || page >= pageCount || seconds < 0 || seconds > Integer.MAX_VALUE) {
                    deleteQuietly(child);
                    recovery.pageFiles.incrementAndGet();
                    continue;
                }
                if (count == pages.length) {
                    pages = Arrays.copyOf(pages, count * 2);
                    cachedAt = Arrays.copyOf(cachedAt, count * 2);
                }
                pages[count] = page;
                cachedAt[count] = (int) seconds;
                count++;
            }
        }
        return new Scanned(directory, meta, pages, cachedAt, count);
    }

    /** Puts a scanned directory into the index. Lock held. */
    private void merge(Tier tier, Scanned scanned, Recovery recovery) {
        MetaFile meta = scanned.meta();
        FileEntry entry = files.get(meta.path());
        if (entry != null && entry.key != meta.key()) {
            // two versions of one path (a crash while the old one was being removed): keep the newer
            if (meta.createdAtMillis() <= entry.createdAtMillis) {
                deleteDirectory(scanned.directory());
                recovery.directories.incrementAndGet();
                return;
            }
            dropEntryLocked(entry, null, new Removal());
            for (Tier other : tiers) {
                if ((entry.tierDirectories & (1 << other.level)) != 0) {
                    deleteDirectory(other.directory(entry));
                    recovery.directories.incrementAndGet();
                }
            }
            entry = null;
        }
        if (entry == null) {
            entry = createEntryLocked(
                    meta.path(), meta.version(), meta.key(), meta.createdAtMillis(), EvictionRankPolicy.DEFAULT, -1);
        }
        entry.tierDirectories |= 1 << tier.level;
        for (int i = 0; i < scanned.count(); i++) {
            int page = scanned.pages()[i];
            if (index.find(entry.id, page) != PageIndex.NONE) {
                // the same page twice (a crash between a write or demotion and a deletion)
                deleteQuietly(tier.pageFile(entry, page, epochSeconds(scanned.cachedAt()[i])));
                recovery.pageFiles.incrementAndGet();
                continue;
            }
            addRecoveredLocked(entry, page, tier, scanned.cachedAt()[i], false);
        }
        if (entry.pages == 0 && entry.pending == 0) {
            retireLocked(entry, new Removal());
            deleteDirectory(scanned.directory());
            recovery.directories.incrementAndGet();
        }
    }

    private void addRecoveredLocked(FileEntry entry, int page, Tier tier, int cachedAt, boolean verified) {
        int length = entry.version.pageLength(pageSize, page);
        index.add(entry.id, page, tier.level, entry.rank, cachedAt, verified);
        tier.used += length;
        tier.pages++;
        entry.pages++;
        entry.bytes += length;
        entry.oldestCachedAt = Math.min(entry.oldestCachedAt, cachedAt);
    }

    private static boolean isHex(String name, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ files and metrics

    private static void deleteDirectory(Path directory) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
                // the meta file first, so a directory half deleted by a crash is garbage at the next start
                deleteQuietly(directory.resolve(MetaFile.NAME));
                for (Path child : children) {
                    deleteQuietly(child);
                }
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                LOG.debug("Cannot list {}: {}", directory, e.toString());
            }
            try {
                Files.deleteIfExists(directory);
                return;
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // a write renamed a page in meanwhile; it deletes it again itself, or the next start does
            } catch (IOException e) {
                LOG.debug("Cannot delete {}: {}", directory, e.toString());
                return;
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", file, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only
        }
    }

    private Counter counter(String name) {
        String full = METRIC_PREFIX + name;
        metricNames.add(full);
        return metrics.counter(full);
    }

    private Counter tagged(String name, String type, String id) {
        String full = MetricNames.tagged(METRIC_PREFIX + name, type, id);
        metricNames.add(full);
        return metrics.counter(full);
    }

    private void gauge(String name, Tier tier, Gauge<Long> gauge) {
        String full = MetricNames.tagged(METRIC_PREFIX + name, "tier", tier.name);
        metrics.remove(full);
        metrics.register(full, gauge);
        metricNames.add(full);
    }

    @Override
    public String toString() {
        return "CacheEngine" + Arrays.stream(tiers).map(Tier::usage).toList();
    }
}
