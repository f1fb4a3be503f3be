package io.strata.cache.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.MetricRegistry;
import io.strata.cache.CachedFile;
import io.strata.cache.CachedPage;
import io.strata.cache.FileVersion;
import io.strata.cache.PageCache;
import io.strata.cache.TierUsage;
import io.strata.cache.internal.store.CacheEngine;
import io.strata.cache.internal.store.StoreSettings;
import io.strata.cache.spi.CacheAdmissionPolicy;
import io.strata.cache.spi.CacheUsageListener;
import io.strata.cache.spi.EvictionRankPolicy;
import io.strata.cache.spi.ExpiryPolicy;
import io.strata.spi.NodeInfo;
import io.strata.spi.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's {@link PageCache} service: opens the {@link CacheEngine} on the configured tiers
 * (keys {@code strata.worker.cache.*}) on the worker role only, and hands it the policy services
 * of {@link io.strata.cache.spi} as they come and go.
 */
@Component(service = PageCache.class, configurationPid = "strata.worker", immediate = true)
@Designate(ocd = CacheConfig.class)
public final class PageCacheService implements PageCache {
    private static final Logger LOG = LoggerFactory.getLogger(PageCacheService.class);

    private final CacheEngine engine;

    @Activate
    public PageCacheService(
            @Reference(target = Role.WORKER_TARGET) Role worker,
            @Reference NodeInfo node,
            @Reference MetricRegistry metrics,
            CacheConfig config) {
        requireNonNull(worker, "worker is null");
        requireNonNull(node, "node is null");
        StoreSettings settings;
        try {
            settings = CacheSettings.from(config, node.dataDir());
        } catch (IllegalArgumentException e) {
            LOG.error("The page cache cannot start: {}", e.getMessage());
            throw e;
        }
        LOG.info(
                "-- Opening the page cache: pages of {} on {} --",
                ByteSizes.format(settings.pageSize()),
                describe(settings));
        try {
            this.engine = new CacheEngine(settings, metrics, Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.error("The page cache cannot start: {}", e.getMessage());
            throw e;
        }
        LOG.info("-- Page cache open: {} --", engine.tiers());
    }

    private static String describe(StoreSettings settings) {
        List<String> tiers = new ArrayList<>();
        settings.tiers()
                .forEach(tier -> tiers.add(
                        tier.medium() + ":" + tier.directory() + ":" + ByteSizes.format(tier.capacityBytes())));
        return String.join(",", tiers) + " (watermarks " + settings.highWatermark() + "/" + settings.lowWatermark()
                + ")";
    }

    @Deactivate
    void close() {
        LOG.info("-- Closing the page cache --");
        engine.close();
    }

    @Override
    public int pageSize() {
        return engine.pageSize();
    }

    @Override
    public Optional<CachedPage> get(String path, FileVersion version, long pageIndex) {
        return engine.get(path, version, pageIndex);
    }

    @Override
    public boolean put(String path, FileVersion version, long pageIndex, byte[] data, int length) {
        return engine.put(path, version, pageIndex, data, length);
    }

    @Override
    public Optional<CachedPage> getIfCached(String path, FileVersion version, long pageIndex) {
        return engine.getIfCached(path, version, pageIndex);
    }

    @Override
    public boolean contains(String path, FileVersion version, long pageIndex) {
        return engine.contains(path, version, pageIndex);
    }

    @Override
    public void invalidate(String path) {
        engine.invalidate(path);
    }

    @Override
    public Set<String> cachedPaths() {
        return engine.cachedPaths();
    }

    @Override
    public Optional<CachedFile> cachedFile(String path) {
        return engine.cachedFile(path);
    }

    @Override
    public List<TierUsage> tiers() {
        return engine.tiers();
    }

    // ------------------------------------------------------------------ policies (dynamic, multiple, greedy)

    @Reference(
            service = CacheAdmissionPolicy.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeAdmissionPolicy")
    void addAdmissionPolicy(CacheAdmissionPolicy policy) {
        engine.addAdmissionPolicy(policy);
    }

    void removeAdmissionPolicy(CacheAdmissionPolicy policy) {
        engine.removeAdmissionPolicy(policy);
    }

    @Reference(
            service = EvictionRankPolicy.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeRankPolicy",
            updated = "updatedRankPolicy")
    void addRankPolicy(EvictionRankPolicy policy) {
        engine.addRankPolicy(policy);
    }

    void updatedRankPolicy(EvictionRankPolicy policy) {
        engine.policiesChanged();
    }

    void removeRankPolicy(EvictionRankPolicy policy) {
        engine.removeRankPolicy(policy);
    }

    @Reference(
            service = ExpiryPolicy.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeExpiryPolicy",
            updated = "updatedExpiryPolicy")
    void addExpiryPolicy(ExpiryPolicy policy) {
        engine.addExpiryPolicy(policy);
    }

    void updatedExpiryPolicy(ExpiryPolicy policy) {
        engine.policiesChanged();
    }

    void removeExpiryPolicy(ExpiryPolicy policy) {
        engine.removeExpiryPolicy(policy);
    }

    @Reference(
            service = CacheUsageListener.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeUsageListener",
            updated = "updatedUsageListener")
    void addUsageListener(CacheUsageListener listener, Map<String, Object> properties) {
        engine.addUsageListener(listener, prefixes(listener, properties));
    }

    void updatedUsageListener(CacheUsageListener listener, Map<String, Object> properties) {
        engine.addUsageListener(listener, prefixes(listener, properties));
    }

    void removeUsageListener(CacheUsageListener listener) {
        engine.removeUsageListener(listener);
    }

    /** The prefixes of a usage listener's service property (a string, an array or a collection of strings). */
    static List<String> prefixes(Object listener, Map<String, Object> properties) {
        Object value = properties.get(CacheUsageListener.PREFIXES);
        List<String> prefixes = new ArrayList<>();
        if (value instanceof String text) {
            prefixes.add(text);
        } else if (value instanceof String[] array) {
            prefixes.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> prefixes.add(String.valueOf(item)));
        }
        prefixes.removeIf(prefix -> prefix == null || prefix.isBlank());
        if (prefixes.isEmpty()) {
            LOG.warn(
                    "Cache usage listener {} has no {} property; it is told nothing",
                    listener.getClass().getName(),
                    CacheUsageListener.PREFIXES);
        }
        return prefixes;
    }

    /** For tests: the engine behind the service. */
    CacheEngine engine() {
        return engine;
    }
}
