package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.Role;
import io.strata.spi.config.ConfigEntry;
import io.strata.spi.config.ConfigService;
import java.time.Clock;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta-service on a coordinator: its token, its ZooKeeper stores and the domain services the
 * HTTP resource calls. Owns the {@link InstanceStore} (started on activation, closed on
 * deactivation).
 */
@Component(service = MetaService.class, configurationPid = "strata.metaservice")
@Designate(ocd = MetaServiceConfig.class)
public final class MetaService {
    private static final Logger LOG = LoggerFactory.getLogger(MetaService.class);
    private static final Duration INDEX_WAIT = Duration.ofSeconds(30);

    private final String token;
    private final InstanceStore store;
    private final InstanceCalls instances;
    private final ClusterCalls clusters;
    private final StorageCalls storage;
    private final TxnTabletCalls txns;
    private final KeyCalls keys;

    @Activate
    public MetaService(
            @Reference(target = Role.COORDINATOR_TARGET) Role role,
            @Reference CuratorFramework curator,
            @Reference ConfigService configService,
            MetaServiceConfig config) {
        requireNonNull(role, "role is null");
        requireNonNull(curator, "curator is null");
        requireNonNull(configService, "configService is null");
        requireNonNull(config, "config is null");
        LOG.info("-- Starting the meta-service --");
        StateDirectory state = StateDirectory.resolve(
                config.state_dir(),
                configService.entry("strata.data.dir").map(ConfigEntry::value).orElse("data"));
        this.token = state.token(config.token());
        AkSkCipher cipher = new AkSkCipher(state.encryptionKey(config.encryption_key()));
        this.store = new InstanceStore(
                curator,
                cipher,
                config.cas_attempts_max(),
                new InstanceStore.Batching(
                        config.write_batch_ops_max(),
                        config.write_batch_max_bytes(),
                        config.write_batches_inflight_max(),
                        Duration.ofMillis(config.write_timeout_ms())));
        KvStore kv = new KvStore(curator);
        Support support = new Support(store, MetaServiceSettings.of(config), Clock.systemUTC());
        this.storage = new StorageCalls(support);
        this.instances = new InstanceCalls(support, storage);
        this.clusters = new ClusterCalls(support);
        this.txns = new TxnTabletCalls(support, kv);
        this.keys = new KeyCalls(store, kv);
        store.start();
        LOG.info("-- Started the meta-service (state in {}) --", state.folder());
    }

    /** For tests: the services over a given store. */
    MetaService(String token, InstanceStore store, KvStore kv, MetaServiceSettings settings, Clock clock) {
        this.token = requireNonNull(token, "token is null");
        this.store = requireNonNull(store, "store is null");
        Support support = new Support(store, settings, clock);
        this.storage = new StorageCalls(support);
        this.instances = new InstanceCalls(support, storage);
        this.clusters = new ClusterCalls(support);
        this.txns = new TxnTabletCalls(support, kv);
        this.keys = new KeyCalls(store, kv);
    }

    @Deactivate
    void deactivate() {
        LOG.info("-- Stopping the meta-service --");
        store.close();
        LOG.info("-- Stopped the meta-service --");
    }

    String token() {
        return token;
    }

    /** Waits (boundedly) for the node index's first full read, so a call never sees a half-built index. */
    void awaitReady() {
        if (!store.awaitInitialized(INDEX_WAIT)) {
            throw new MetaServiceException(
                    MetaServiceCode.KV_TXN_GET_ERR,
                    "the meta-service index is not loaded yet (ZooKeeper unreachable?)");
        }
    }

    InstanceStore store() {
        return store;
    }

    InstanceCalls instances() {
        return instances;
    }

    ClusterCalls clusters() {
        return clusters;
    }

    StorageCalls storage() {
        return storage;
    }

    TxnTabletCalls txns() {
        return txns;
    }

    KeyCalls keys() {
        return keys;
    }
}
