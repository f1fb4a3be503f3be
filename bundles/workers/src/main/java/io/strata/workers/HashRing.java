package io.strata.workers;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A consistent hash ring over worker identities: each member owns {@code virtualNodes} points at
 * {@code hash(identity + "#" + i)}, and a key belongs to the member of the first point at or after
 * {@code hash(key)} (wrapping around). The placement depends only on the set of identities and the
 * number of virtual nodes, so every node, in every process, computes the same one. When a member
 * joins or leaves, only the keys of the points it gains or loses move.
 *
 * <p>Immutable and thread-safe. Built in O(M·V log(M·V)), looked up in O(log(M·V)).
 */
public final class HashRing {
    /**
     * Points per member by default: enough that with 10 members each one's share of the keys is
     * within ±5 % of the mean (the spread of a member's share falls as one over the square root of
     * its points).
     */
    public static final int DEFAULT_VIRTUAL_NODES = 4096;

    public static final int MAX_VIRTUAL_NODES = 65_536;

    private static final HashRing EMPTY = new HashRing(List.of(), 1, new long[0], new int[0]);

    private final List<String> members;
    private final int virtualNodes;
    private final long[] points;
    private final int[] owners;

    private HashRing(List<String> members, int virtualNodes, long[] points, int[] owners) {
        this.members = members;
        this.virtualNodes = virtualNodes;
        this.points = points;
        this.owners = owners;
    }

    public static HashRing empty() {
        return EMPTY;
    }

    /**
     * @param members worker identities; duplicates count once
     * @param virtualNodes points per member, 1 to {@value #MAX_VIRTUAL_NODES}
     */
    public static HashRing of(Collection<String> members, int virtualNodes) {
        requireNonNull(members, "members is null");
        if (virtualNodes < 1 || virtualNodes > MAX_VIRTUAL_NODES) {
            throw new IllegalArgumentException(
                    "virtualNodes must be from 1 to " + MAX_VIRTUAL_NODES + ": " + virtualNodes);
        }
        List<String> sorted = List.copyOf(new TreeSet<>(members));
        int count = sorted.size() * virtualNodes;
        // sort (point, member) pairs by point, then by member so that equal points order the same everywhere
        long[] keys = new long[count];
        int next = 0;
        for (int member = 0; member < sorted.size(); member++) {
            String identity = sorted.get(member);
            for (int i = 0; i < virtualNodes; i++) {
                keys[next] = Hash64.of(identity + "#" + i);
                next++;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byPoint = Long.compare(keys[a], keys[b]);
            return byPoint != 0 ? byPoint : Integer.compare(a / virtualNodes, b / virtualNodes);
        });
        long[] points = new long[count];
        int[] owners = new int[count];
        for (int i = 0; i < count; i++) {
            points[i] = keys[order[i]];
            owners[i] = order[i] / virtualNodes;
        }
        return new HashRing(sorted, virtualNodes, points, owners);
    }

    /** The members, sorted. */
    public List<String> members() {
        return members;
    }

    public int virtualNodes() {
        return virtualNodes;
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** The member that owns {@code key}; empty when the ring has no member. */
    public Optional<String> owner(String key) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(members.get(owners[firstPoint(Hash64.of(key))]));
    }

    /**
     * The first {@code count} distinct members met walking the ring from {@code key}'s place:
     * where {@code count} replicas of the key belong, the owner first. Fewer when the ring has
     * fewer members.
     */
    public List<String> owners(String key, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int wanted = Math.min(count, members.size());
        List<String> found = new ArrayList<>(wanted);
        if (wanted == 0) {
            return found;
        }
        boolean[] seen = new boolean[members.size()];
        int start = firstPoint(Hash64.of(key));
        for (int step = 0; step < points.length && found.size() < wanted; step++) {
            int owner = owners[(start + step) % points.length];
            if (!seen[owner]) {
                seen[owner] = true;
                found.add(members.get(owner));
            }
        }
        return found;
    }

    /** Index of the first point at or after {@code hash}, wrapping to 0. */
    private int firstPoint(long hash) {
        int index = Arrays.binarySearch(points, hash);
        if (index < 0) {
            index = -index - 1;
        } else {
            // equal points: the first of them
            while (index > 0 && points[index - 1] == hash) {
                index--;
            }
        }
        return index == points.length ? 0 : index;
    }

    @Override
    public String toString() {
        return "HashRing" + members + "×" + virtualNodes;
    }
}
