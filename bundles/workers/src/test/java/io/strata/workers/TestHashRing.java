package io.strata.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Property tests of the ring with random worker identities and keys (seeded, so a failure repeats). */
class TestHashRing {
    private static final int KEYS = 1_000_000;

    @Test
    void tenWorkersEachGetTheirShareWithinFivePercentOfTheMean() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            List<String> workers = identities(random, 10);
            HashRing ring = HashRing.of(workers, HashRing.DEFAULT_VIRTUAL_NODES);
            Map<String, Integer> shares = new HashMap<>();
            for (String key : keys(random, KEYS)) {
                shares.merge(ring.owner(key).orElseThrow(), 1, Integer::sum);
            }
            double mean = KEYS / 10.0;
            assertThat(shares).hasSize(10);
            for (Map.Entry<String, Integer> share : shares.entrySet()) {
                assertThat(Math.abs(share.getValue() - mean) / mean)
                        .as("share of %s (seed %d): %d keys, mean %.0f", share.getKey(), seed, share.getValue(), mean)
                        .isLessThanOrEqualTo(0.05);
            }
        }
    }

    @Test
    void oneJoinOrLeaveMovesAtMostOneNthPlusOnePercentOfTheKeys() {
        Random random = new Random(7);
        List<String> workers = identities(random, 10);
        List<String> keys = keys(random, KEYS);
        HashRing before = HashRing.of(workers, HashRing.DEFAULT_VIRTUAL_NODES);
        List<String> grown = new ArrayList<>(workers);
        grown.add("worker-" + new UUID(random.nextLong(), random.nextLong()));
        HashRing joined = HashRing.of(grown, HashRing.DEFAULT_VIRTUAL_NODES);
        HashRing left = HashRing.of(workers.subList(1, workers.size()), HashRing.DEFAULT_VIRTUAL_NODES);

        int movedOnJoin = 0;
        int movedOnLeave = 0;
        for (String key : keys) {
            String owner = before.owner(key).orElseThrow();
            String afterJoin = joined.owner(key).orElseThrow();
            if (!owner.equals(afterJoin)) {
                movedOnJoin++;
                // a join only moves keys to the newcomer
                assertThat(afterJoin).isEqualTo(grown.get(grown.size() - 1));
            }
            String afterLeave = left.owner(key).orElseThrow();
            if (!owner.equals(afterLeave)) {
                movedOnLeave++;
                // a leave only moves the leaver's keys
                assertThat(owner).isEqualTo(workers.get(0));
            }
        }
        assertThat((double) movedOnJoin / KEYS)
                .isLessThanOrEqualTo(1.0 / 11 + 0.01)
                .isGreaterThan(0);
        assertThat((double) movedOnLeave / KEYS)
                .isLessThanOrEqualTo(1.0 / 10 + 0.01)
                .isGreaterThan(0);
    }

    @Test
    void theSameMembershipGivesTheSamePlacementWhateverTheOrder() {
        Random random = new Random(11);
        List<String> workers = identities(random, 5);
        List<String> shuffled = new ArrayList<>(workers);
        java.util.Collections.shuffle(shuffled, random);
        HashRing one = HashRing.of(workers, 64);
        HashRing other = HashRing.of(shuffled, 64);
        for (String key : keys(random, 10_000)) {
            assertThat(other.owner(key)).isEqualTo(one.owner(key));
            assertThat(other.owners(key, 3)).isEqualTo(one.owners(key, 3));
        }
    }

    @Test
    void placementIsPinnedAcrossProcessesAndReleases() {
        // computed once; a change here means data placed by an older release would be looked for elsewhere
        HashRing ring = HashRing.of(
                List.of(
                        "worker-00000000-0000-0000-0000-000000000001",
                        "worker-00000000-0000-0000-0000-000000000002",
                        "worker-00000000-0000-0000-0000-000000000003"),
                HashRing.DEFAULT_VIRTUAL_NODES);
        assertThat(List.of("/a", "/data/file-1", "/data/file-2", "/x/y/z").stream()
                        .map(key -> ring.owner(key).orElseThrow().substring(35))
                        .toList())
                .isEqualTo(PINNED);
    }

    private static final List<String> PINNED = List.of("00000001", "00000002", "00000002", "00000001");

    @Test
    void replicasAreDistinctWorkersOwnerFirst() {
        Random random = new Random(3);
        List<String> workers = identities(random, 4);
        HashRing ring = HashRing.of(workers, 128);
        for (String key : keys(random, 1_000)) {
            List<String> owners = ring.owners(key, 3);
            assertThat(owners).hasSize(3).doesNotHaveDuplicates();
            assertThat(owners.get(0)).isEqualTo(ring.owner(key).orElseThrow());
            assertThat(ring.owners(key, 10)).hasSize(4).containsExactlyInAnyOrderElementsOf(workers);
        }
    }

    @Test
    void anEmptyRingOwnsNothing() {
        assertThat(HashRing.empty().owner("/a")).isEmpty();
        assertThat(HashRing.of(List.of(), 16).owners("/a", 2)).isEmpty();
        assertThat(HashRing.of(List.of("w", "w"), 16).members()).containsExactly("w");
        assertThatThrownBy(() -> HashRing.of(List.of("w"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashRing.of(List.of("w"), 1).owners("/a", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> identities(Random random, int count) {
        List<String> identities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            identities.add("worker-" + new UUID(random.nextLong(), random.nextLong()));
        }
        return identities;
    }

    private static List<String> keys(Random random, int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add("/data/set-" + random.nextInt(1000) + "/part-" + Long.toHexString(random.nextLong()));
        }
        return keys;
    }
}
