package io.strata.cache.internal.store;

import java.util.Arrays;

/**
 * The compact in-heap index of cached pages: one slot per page in parallel primitive arrays, an
 * open-addressing hash table from (file id, page index) to slot, and int links for the LRU lists
 * and for the list of each file's pages. No object per page.
 *
 * <p>Pages are kept in one LRU list per (tier, rank): {@code list = tier * RANKS + rank}; the head
 * is the most recently used page, the tail the least. Each file's pages are also chained, so a
 * file's pages can be visited (invalidation, expiry, re-ranking) without looking at other files.
 *
 * <p>Per page: file id, page index, two LRU links, two file links, cache time (ints) and one flag
 * byte (tier, rank, verified), 29 bytes, plus 4 bytes per hash-table cell (at most 70 % full)
 * and the arrays' growth headroom. Not thread-safe: the engine guards it with its lock.
 */
final class PageIndex {
    static final int NONE = -1;
    static final int RANKS = 16;
    static final int MAX_TIERS = 8;

    private static final int VERIFIED = 0x80;
    private static final float MAX_LOAD = 0.7f;

    private int[] slotFile;
    private int[] slotPage;
    private int[] lruNewer;
    private int[] lruOlder;
    private int[] fileNext;
    private int[] filePrev;
    private int[] cachedAt;
    /** Bit 7: verified; bits 4-6: tier; bits 0-3: rank. */
    private byte[] flags;

    /** Cells hold slot + 1; 0 is empty. */
    private int[] table;

    private final int[] listHead;
    private final int[] listTail;
    private final int[] listCount;
    private int[] fileHead = new int[16];

    private int size;
    private int used;
    private int freeHead = NONE;

    PageIndex(int tiers, int initialCapacity) {
        if (tiers < 1 || tiers > MAX_TIERS) {
            throw new IllegalArgumentException("between 1 and " + MAX_TIERS + " tiers, not " + tiers);
        }
        int capacity = Math.max(16, initialCapacity);
        slotFile = new int[capacity];
        slotPage = new int[capacity];
        lruNewer = new int[capacity];
        lruOlder = new int[capacity];
        fileNext = new int[capacity];
        filePrev = new int[capacity];
        cachedAt = new int[capacity];
        flags = new byte[capacity];
        table = new int[tableSizeFor(capacity)];
        listHead = new int[tiers * RANKS];
        listTail = new int[tiers * RANKS];
        listCount = new int[tiers * RANKS];
        Arrays.fill(listHead, NONE);
        Arrays.fill(listTail, NONE);
        Arrays.fill(fileHead, NONE);
    }

    private static int tableSizeFor(int slots) {
        int needed = (int) Math.min(1L << 30, (long) Math.ceil(slots / MAX_LOAD) + 1);
        return Integer.highestOneBit(needed - 1) << 1;
    }

    static int list(int tier, int rank) {
        return tier * RANKS + rank;
    }

    /** The number of pages. */
    int size() {
        return size;
    }

    /** The slot of the page, or {@link #NONE}. */
    int find(int file, int page) {
        int mask = table.length - 1;
        for (int cell = hash(file, page) & mask; ; cell = (cell + 1) & mask) {
            int entry = table[cell];
            if (entry == 0) {
                return NONE;
            }
            int slot = entry - 1;
            if (slotFile[slot] == file && slotPage[slot] == page) {
                return slot;
            }
        }
    }

    /**
     * Adds a page (which must not be present) as the most recently used of its list.
     *
     * @return its slot
     */
    int add(int file, int page, int tier, int rank, int cachedAtSeconds, boolean verified) {
        if (file < 0 || page < 0 || tier < 0 || tier >= listHead.length / RANKS || rank < 0 || rank >= RANKS) {
            throw new IllegalArgumentException("file " + file + " page " + page + " tier " + tier + " rank " + rank);
        }
        if (size + 1 > table.length * MAX_LOAD) {
            rehash(table.length << 1);
        }
        int slot = allocate();
        slotFile[slot] = file;
        slotPage[slot] = page;
        cachedAt[slot] = cachedAtSeconds;
        flags[slot] = (byte) ((verified ? VERIFIED : 0) | (tier << 4) | rank);
        size++;
        insertIntoTable(slot);
        linkNewest(slot, list(tier, rank));
        ensureFile(file);
        int head = fileHead[file];
        fileNext[slot] = head;
        filePrev[slot] = NONE;
        if (head != NONE) {
            filePrev[head] = slot;
        }
        fileHead[file] = slot;
        return slot;
    }

    /** Removes the page in {@code slot}. */
    void remove(int slot) {
        checkLive(slot);
        unlinkLru(slot);
        int file = slotFile[slot];
        int next = fileNext[slot];
        int prev = filePrev[slot];
        if (prev == NONE) {
            fileHead[file] = next;
        } else {
            fileNext[prev] = next;
        }
        if (next != NONE) {
            filePrev[next] = prev;
        }
        deleteFromTable(slot);
        slotFile[slot] = NONE;
        lruOlder[slot] = freeHead;
        freeHead = slot;
        size--;
    }

    /** Makes the page the most recently used of its list. */
    void touch(int slot) {
        int list = listOf(slot);
        if (listHead[list] == slot) {
            return;
        }
        unlinkLru(slot);
        linkNewest(slot, list);
    }

    /** Moves the page to another tier and/or rank, as the most recently used of its new list. */
    void move(int slot, int tier, int rank) {
        if (tier < 0 || tier >= listHead.length / RANKS || rank < 0 || rank >= RANKS) {
            throw new IllegalArgumentException("tier " + tier + " rank " + rank);
        }
        unlinkLru(slot);
        flags[slot] = (byte) ((flags[slot] & VERIFIED) | (tier << 4) | rank);
        linkNewest(slot, list(tier, rank));
    }

    int file(int slot) {
        return slotFile[slot];
    }

    int page(int slot) {
        return slotPage[slot];
    }

    int cachedAt(int slot) {
        return cachedAt[slot];
    }

    int tier(int slot) {
        return (flags[slot] >> 4) & 0x7;
    }

    int rank(int slot) {
        return flags[slot] & 0xf;
    }

    boolean verified(int slot) {
        return (flags[slot] & VERIFIED) != 0;
    }

    void setVerified(int slot) {
        flags[slot] = (byte) (flags[slot] | VERIFIED);
    }

    /** The least recently used page of a list, or {@link #NONE}. */
    int oldest(int list) {
        return listTail[list];
    }

    /** The page used just after {@code slot} in its list, or {@link #NONE}. */
    int newer(int slot) {
        return lruNewer[slot];
    }

    /** The page used just before {@code slot} in its list, or {@link #NONE}. */
    int older(int slot) {
        return lruOlder[slot];
    }

    int count(int list) {
        return listCount[list];
    }

    /** The first page of a file (in no particular order), or {@link #NONE}. */
    int firstOfFile(int file) {
        return file < fileHead.length ? fileHead[file] : NONE;
    }

    /** The next page of the same file, or {@link #NONE}. */
    int nextOfFile(int slot) {
        return fileNext[slot];
    }

    /** Bytes of heap held by the arrays (for tests and the heap benchmark). */
    long arrayBytes() {
        long slots = slotFile.length;
        return slots * (7 * Integer.BYTES + 1)
                + (long) table.length * Integer.BYTES
                + (long) fileHead.length * Integer.BYTES;
    }

    private int listOf(int slot) {
        return list(tier(slot), rank(slot));
    }

    private void checkLive(int slot) {
        if (slot < 0 || slot >= used || slotFile[slot] == NONE) {
            throw new IllegalStateException("slot " + slot + " holds no page");
        }
    }

    private void linkNewest(int slot, int list) {
        int head = listHead[list];
        lruNewer[slot] = NONE;
        lruOlder[slot] = head;
        if (head != NONE) {
            lruNewer[head] = slot;
        } else {
            listTail[list] = slot;
        }
        listHead[list] = slot;
        listCount[list]++;
    }

    private void unlinkLru(int slot) {
        int list = listOf(slot);
        int newer = lruNewer[slot];
        int older = lruOlder[slot];
        if (newer == NONE) {
            listHead[list] = older;
        } else {
            lruOlder[newer] = older;
        }
        if (older == NONE) {
            listTail[list] = newer;
        } else {
            lruNewer[older] = newer;
        }
        listCount[list]--;
    }

    private int allocate() {
        if (freeHead != NONE) {
            int slot = freeHead;
            freeHead = lruOlder[slot];
            return slot;
        }
        if (used == slotFile.length) {
            grow();
        }
        return used++;
    }

    private void grow() {
        long grown = (long) slotFile.length + (slotFile.length >> 1);
        if (grown > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("the page index is full");
        }
        int capacity = (int) grown;
        slotFile = Arrays.copyOf(slotFile, capacity);
        slotPage = Arrays.copyOf(slotPage, capacity);
        lruNewer = Arrays.copyOf(lruNewer, capacity);
        lruOlder = Arrays.copyOf(lruOlder, capacity);
        fileNext = Arrays.copyOf(fileNext, capacity);
        filePrev = Arrays.copyOf(filePrev, capacity);
        cachedAt = Arrays.copyOf(cachedAt, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    private void ensureFile(int file) {
        if (file >= fileHead.length) {
            int old = fileHead.length;
            fileHead = Arrays.copyOf(fileHead, Math.max(file + 1, old + (old >> 1)));
            Arrays.fill(fileHead, old, fileHead.length, NONE);
        }
    }

    private void insertIntoTable(int slot) {
        int mask = table.length - 1;
        int cell = hash(slotFile[slot], slotPage[slot]) & mask;
        while (table[cell] != 0) {
            cell = (cell + 1) & mask;
        }
        table[cell] = slot + 1;
    }

    /** Linear-probing deletion with backward shift (no tombstones). */
    private void deleteFromTable(int slot) {
        int mask = table.length - 1;
        int cell = hash(slotFile[slot], slotPage[slot]) & mask;
        while (table[cell] != slot + 1) {
            cell = (cell + 1) & mask;
        }
        int hole = cell;
        for (int next = (hole + 1) & mask; table[next] != 0; next = (next + 1) & mask) {
            int other = table[next] - 1;
            int home = hash(slotFile[other], slotPage[other]) & mask;
            // move the entry into the hole when its home is not in (hole, next]
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                table[hole] = table[next];
                hole = next;
            }
        }
        table[hole] = 0;
    }

    private void rehash(int newSize) {
        table = new int[newSize];
        for (int slot = 0; slot < used; slot++) {
            if (slotFile[slot] != NONE) {
                insertIntoTable(slot);
            }
        }
    }

    private static int hash(int file, int page) {
        long key = ((long) file << 32) | (page & 0xffffffffL);
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        key ^= key >>> 33;
        return (int) key;
    }
}
