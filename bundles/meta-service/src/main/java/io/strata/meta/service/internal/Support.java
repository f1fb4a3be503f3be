package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the domain services share: the store, the settings, the clock, and the reference's
 * cloud_unique_id → instance_id resolution.
 */
final class Support {
    static final String DELETED_MESSAGE = "instance status has been set delete, plz check it";

    private final InstanceStore store;
    private final MetaServiceSettings settings;
    private final Clock clock;

    Support(InstanceStore store, MetaServiceSettings settings, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    InstanceStore store() {
        return store;
    }

    MetaServiceSettings settings() {
        return settings;
    }

    NodeIndex index() {
        return store.index();
    }

    /** Now, in seconds since the epoch, as the reference's ctime/mtime. */
    long now() {
        return clock.instant().getEpochSecond();
    }

    long nowMillis() {
        return clock.millis();
    }

    /**
     * The reference's get_instance_id: a cloud_unique_id of a registered node resolves to its
     * instance (the last one when several carry it); otherwise the degraded form
     * {@code 1:<instance_id>:<x>} (empty segments dropped) names the instance, which must exist
     * when the instance id check is on. Empty when it resolves to nothing.
     */
    String resolveInstanceId(String cloudUniqueId) {
        if (cloudUniqueId == null || cloudUniqueId.isEmpty()) {
            return "";
        }
        return index().resolve(cloudUniqueId).map(NodeIndex.NodeRef::instanceId).orElseGet(() -> {
            String degraded = degradedInstanceId(cloudUniqueId);
            if (degraded.isEmpty() || (settings.instanceIdCheck() && !store.exists(degraded))) {
                return "";
            }
            return degraded;
        });
    }

    /** The instance id a {@code 1:<instance_id>:<x>} cloud_unique_id names, or empty when it is not of that form. */
    static String degradedInstanceId(String cloudUniqueId) {
        List<String> parts = new ArrayList<>();
        for (String part : cloudUniqueId.split(":", -1)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.size() != 3 || atoi(parts.get(0)) != 1) {
            return "";
        }
        return parts.get(1);
    }

    /** C's atoi: blanks, sign, digits up to the first non-digit; 0 when there are none. */
    static long atoi(String text) {
        return Keys.int64(text);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    static MetaServiceException instanceNotFoundForRead(String instanceId) {
        return new MetaServiceException(
                MetaServiceCode.KV_TXN_GET_ERR,
                "failed to get instance, instance_id=" + instanceId + " err=KeyNotFound");
    }
}
