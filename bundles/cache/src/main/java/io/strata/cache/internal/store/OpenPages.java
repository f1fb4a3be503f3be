package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Page files kept open between reads, so a hot page is opened (and verified) once rather than on
 * every read: at most {@code capacity} of them, one per page, each shared by the readers using it.
 * A handle is counted: the cache holds one reference and each reader one, and the channel closes
 * when the last goes, so a page dropped while being read stays readable to that reader (as an
 * opened {@link io.strata.cache.CachedPage} promises) and is closed after. The engine drops the
 * handle of every page it removes (eviction, invalidation, expiry, a torn or lost file); a handle
 * is only ever used for exactly the page file the index names (same entry, tier and cache time),
 * and only verified page files get one.
 */
final class OpenPages {
    private final int capacity;
    private final ConcurrentHashMap<Long, Handle> handles = new ConcurrentHashMap<>();

    OpenPages(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
    }

    /** One open page file and its references. */
    static final class Handle {
        private final FileChannel channel;
        private final FileEntry entry;
        private final int page;
        private final int tier;
        private final int cachedAt;
        private final AtomicInteger references;

        private Handle(FileChannel channel, FileEntry entry, int page, int tier, int cachedAt, int references) {
            this.channel = requireNonNull(channel, "channel is null");
            this.entry = entry;
            this.page = page;
            this.tier = tier;
            this.cachedAt = cachedAt;
            this.references = new AtomicInteger(references);
        }

        FileChannel channel() {
            return channel;
        }

        private boolean is(FileEntry entry, int tier, int cachedAt) {
            return this.entry == entry && this.tier == tier && this.cachedAt == cachedAt;
        }

        private boolean acquire() {
            while (true) {
                int current = references.get();
                if (current == 0) {
                    return false;
                }
                if (references.compareAndSet(current, current + 1)) {
                    return true;
                }
            }
        }

        /** Gives one reference back; the last closes the channel. */
        void release() {
            if (references.decrementAndGet() == 0) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // a read-only channel has nothing to flush
                }
            }
        }
    }

    private static long key(FileEntry entry, int page) {
        return ((long) entry.id << 32) | (page & 0xffffffffL);
    }

    /** A reference to the open page file exactly this (the caller releases it), or null. */
    Handle acquire(FileEntry entry, int page, int tier, int cachedAt) {
        Handle handle = handles.get(key(entry, page));
        if (handle == null) {
            return null;
        }
        if (!handle.is(entry, tier, cachedAt) || !handle.channel.isOpen()) {
            // an older file of the page, or of a page whose entry id was reused; or a channel closed
            // under a reader that was interrupted
            drop(handle);
            return null;
        }
        return handle.acquire() ? handle : null;
    }

    /**
     * Keeps a newly opened and verified page file; returns the caller's reference to it. With no
     * room, it is not kept (the caller's reference is the only one).
     */
    Handle keep(FileEntry entry, int page, int tier, int cachedAt, FileChannel channel) {
        if (capacity == 0) {
            return new Handle(channel, entry, page, tier, cachedAt, 1);
        }
        Handle handle = new Handle(channel, entry, page, tier, cachedAt, 2);
        Long key = key(entry, page);
        Handle previous = handles.put(key, handle);
        if (previous != null) {
            previous.release();
        }
        if (handles.size() > capacity) {
            evictOtherThan(key);
        }
        return handle;
    }

    /** Drops the handle of exactly this page file, if kept. */
    void drop(FileEntry entry, int page, int tier, int cachedAt) {
        Handle handle = handles.get(key(entry, page));
        if (handle != null && handle.is(entry, tier, cachedAt)) {
            drop(handle);
        }
    }

    private void drop(Handle handle) {
        if (handles.remove(key(handle.entry, handle.page), handle)) {
            handle.release();
        }
    }

    private void evictOtherThan(Long key) {
        Iterator<Handle> iterator = handles.values().iterator();
        while (handles.size() > capacity && iterator.hasNext()) {
            Handle handle = iterator.next();
            if (!key.equals(key(handle.entry, handle.page))) {
                drop(handle);
            }
        }
    }

    /** Drops every handle (the engine is closing); readers holding one keep it until they close it. */
    void clear() {
        handles.values().forEach(this::drop);
    }

    int size() {
        return handles.size();
    }
}
