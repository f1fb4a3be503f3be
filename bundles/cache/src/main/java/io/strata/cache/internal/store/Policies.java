package io.strata.cache.internal.store;

import io.strata.cache.spi.AdmissionRequest;
import io.strata.cache.spi.CacheAdmissionPolicy;
import io.strata.cache.spi.EvictionRankPolicy;
import io.strata.cache.spi.ExpiryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy services currently registered, and how their answers combine: every admission policy
 * must admit; the lowest rank wins; the shortest time to live wins. A policy that throws is logged
 * (with its stack trace the first time) and counts as refusing (admission) or as having no
 * opinion (rank, expiry).
 */
final class Policies {
    private static final Logger LOG = LoggerFactory.getLogger(Policies.class);

    private final List<CacheAdmissionPolicy> admission = new CopyOnWriteArrayList<>();
    private final List<EvictionRankPolicy> ranks = new CopyOnWriteArrayList<>();
    private final List<ExpiryPolicy> expiry = new CopyOnWriteArrayList<>();
    private final Set<Object> failed = ConcurrentHashMap.newKeySet();
    /** Changes whenever rank or expiry answers may have changed. */
    private final AtomicLong generation = new AtomicLong();

    void addAdmission(CacheAdmissionPolicy policy) {
        admission.add(policy);
    }

    void removeAdmission(CacheAdmissionPolicy policy) {
        admission.remove(policy);
        failed.remove(policy);
    }

    void addRank(EvictionRankPolicy policy) {
        ranks.add(policy);
        generation.incrementAndGet();
    }

    void removeRank(EvictionRankPolicy policy) {
        ranks.remove(policy);
        failed.remove(policy);
        generation.incrementAndGet();
    }

    void addExpiry(ExpiryPolicy policy) {
        expiry.add(policy);
        generation.incrementAndGet();
    }

    void removeExpiry(ExpiryPolicy policy) {
        expiry.remove(policy);
        failed.remove(policy);
        generation.incrementAndGet();
    }

    void changed() {
        generation.incrementAndGet();
    }

    long generation() {
        return generation.get();
    }

    boolean hasAdmission() {
        return !admission.isEmpty();
    }

    boolean admit(AdmissionRequest request) {
        for (CacheAdmissionPolicy policy : admission) {
            try {
                if (!policy.admit(request)) {
                    return false;
                }
            } catch (RuntimeException e) {
                failure(policy, "refused page " + request.pageIndex() + " of " + request.path(), e);
                return false;
            }
        }
        return true;
    }

    int rank(String path) {
        int rank = Integer.MAX_VALUE;
        for (EvictionRankPolicy policy : ranks) {
            try {
                OptionalInt opinion = policy.rank(path);
                if (opinion.isPresent()) {
                    int value = opinion.getAsInt();
                    if (value < EvictionRankPolicy.LOWEST || value > EvictionRankPolicy.HIGHEST) {
                        failure(policy, "ranked " + path + " " + value + ", outside [0, 15]; ignored", null);
                    } else {
                        rank = Math.min(rank, value);
                    }
                }
            } catch (RuntimeException e) {
                failure(policy, "has no rank for " + path, e);
            }
        }
        return rank == Integer.MAX_VALUE ? EvictionRankPolicy.DEFAULT : rank;
    }

    /** The time to live of the path's pages in whole seconds (rounded up), or -1 for none. */
    long ttlSeconds(String path) {
        long ttl = Long.MAX_VALUE;
        for (ExpiryPolicy policy : expiry) {
            try {
                Optional<Duration> opinion = policy.timeToLive(path);
                if (opinion != null && opinion.isPresent()) {
                    Duration value = opinion.get();
                    long seconds = value.isNegative() ? 0 : value.getSeconds() + (value.getNano() > 0 ? 1 : 0);
                    ttl = Math.min(ttl, seconds);
                }
            } catch (RuntimeException e) {
                failure(policy, "has no time to live for " + path, e);
            }
        }
        return ttl == Long.MAX_VALUE ? -1 : ttl;
    }

    private void failure(Object policy, String what, RuntimeException e) {
        if (failed.add(policy)) {
            LOG.warn("Cache policy {} failed: it {}", policy.getClass().getName(), what, e);
        } else {
            LOG.debug("Cache policy {} failed again: it {}", policy.getClass().getName(), what, e);
        }
    }
}
