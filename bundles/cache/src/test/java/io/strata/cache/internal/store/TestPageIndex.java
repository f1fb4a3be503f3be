package io.strata.cache.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class TestPageIndex {
    @Test
    void testFindAddRemoveAgreeWithAMapUnderRandomOperations() {
        PageIndex index = new PageIndex(2, 16);
        Map<Long, Integer> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int step = 0; step < 300_000; step++) {
            int file = random.nextInt(50);
            int page = random.nextInt(400);
            long key = ((long) file << 32) | page;
            Integer slot = model.get(key);
            int found = index.find(file, page);
            if (found != (slot == null ? PageIndex.NONE : slot)) {
                throw new AssertionError("step " + step + ": page " + page + " of file " + file + " found in slot "
                        + found + ", expected " + slot);
            }
            if (slot == null && random.nextInt(3) > 0) {
                int added = index.add(file, page, random.nextInt(2), random.nextInt(PageIndex.RANKS), step, false);
                model.put(key, added);
            } else if (slot != null) {
                index.remove(slot);
                model.remove(key);
            }
        }
        assertThat(index.size()).isEqualTo(model.size());
        model.forEach((key, slot) -> {
            assertThat(index.find((int) (key >>> 32), (int) (long) key)).isEqualTo(slot);
            assertThat(index.file(slot)).isEqualTo((int) (key >>> 32));
            assertThat(index.page(slot)).isEqualTo((int) (long) key);
        });
        // every page is in exactly one list and in its file's chain
        Set<Integer> inLists = new HashSet<>();
        for (int tier = 0; tier < 2; tier++) {
            for (int rank = 0; rank < PageIndex.RANKS; rank++) {
                int count = 0;
                for (int slot = index.oldest(PageIndex.list(tier, rank));
                        slot != PageIndex.NONE;
                        slot = index.newer(slot)) {
                    assertThat(index.tier(slot)).isEqualTo(tier);
                    assertThat(index.rank(slot)).isEqualTo(rank);
                    assertThat(inLists.add(slot)).isTrue();
                    count++;
                }
                assertThat(index.count(PageIndex.list(tier, rank))).isEqualTo(count);
            }
        }
        assertThat(inLists).containsExactlyInAnyOrderElementsOf(model.values());
        Set<Integer> inFiles = new HashSet<>();
        for (int file = 0; file < 50; file++) {
            for (int slot = index.firstOfFile(file); slot != PageIndex.NONE; slot = index.nextOfFile(slot)) {
                assertThat(index.file(slot)).isEqualTo(file);
                assertThat(inFiles.add(slot)).isTrue();
            }
        }
        assertThat(inFiles).containsExactlyInAnyOrderElementsOf(model.values());
    }

    @Test
    void testListsKeepLeastRecentlyUsedOrder() {
        PageIndex index = new PageIndex(1, 4);
        LinkedHashSet<Integer> model = new LinkedHashSet<>(); // insertion order = least recently used first
        Map<Integer, Integer> slots = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 50_000; step++) {
            int page = random.nextInt(64);
            Integer slot = slots.get(page);
            int action = random.nextInt(4);
            if (slot == null) {
                slots.put(page, index.add(0, page, 0, 3, 0, true));
                model.add(page);
            } else if (action == 0) {
                index.remove(slot);
                slots.remove(page);
                model.remove(page);
            } else {
                index.touch(slot);
                model.remove(page);
                model.add(page);
            }
            if (step % 1000 == 0) {
                assertThat(order(index, PageIndex.list(0, 3))).containsExactlyElementsOf(model);
            }
        }
        assertThat(order(index, PageIndex.list(0, 3))).containsExactlyElementsOf(model);
        // newest to oldest is the reverse
        List<Integer> backwards = new ArrayList<>();
        int newest = slots.get(new ArrayList<>(model).get(model.size() - 1));
        for (int slot = newest; slot != PageIndex.NONE; slot = index.older(slot)) {
            backwards.add(index.page(slot));
        }
        List<Integer> expected = new ArrayList<>(model);
        java.util.Collections.reverse(expected);
        assertThat(backwards).containsExactlyElementsOf(expected);
    }

    @Test
    void testMoveChangesListAndKeepsFlags() {
        PageIndex index = new PageIndex(2, 4);
        int a = index.add(1, 0, 0, 8, 100, false);
        int b = index.add(1, 1, 0, 8, 200, true);
        index.move(a, 1, 2);
        assertThat(index.tier(a)).isEqualTo(1);
        assertThat(index.rank(a)).isEqualTo(2);
        assertThat(index.verified(a)).isFalse();
        assertThat(index.cachedAt(a)).isEqualTo(100);
        assertThat(index.count(PageIndex.list(0, 8))).isEqualTo(1);
        assertThat(index.oldest(PageIndex.list(1, 2))).isEqualTo(a);
        index.setVerified(a);
        assertThat(index.verified(a)).isTrue();
        assertThat(index.verified(b)).isTrue();
        assertThatThrownBy(() -> index.add(1, 2, 2, 0, 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.add(1, 2, 0, 16, 0, true)).isInstanceOf(IllegalArgumentException.class);
        index.remove(a);
        assertThatThrownBy(() -> index.remove(a)).isInstanceOf(IllegalStateException.class);
    }

    private static List<Integer> order(PageIndex index, int list) {
        List<Integer> pages = new ArrayList<>();
        for (int slot = index.oldest(list); slot != PageIndex.NONE; slot = index.newer(slot)) {
            pages.add(index.page(slot));
        }
        return pages;
    }
}
