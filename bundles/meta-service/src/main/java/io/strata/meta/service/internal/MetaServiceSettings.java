package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** The rule switches the domain services read, taken from {@link MetaServiceConfig}. */
record MetaServiceSettings(
        boolean clusterNameCheck,
        boolean instanceIdCheck,
        boolean feDropSafeTimeCheck,
        Duration feDropSafeTime,
        String arnId,
        String arnAk,
        String arnSk) {
    MetaServiceSettings {
        requireNonNull(feDropSafeTime, "feDropSafeTime is null");
        requireNonNull(arnId, "arnId is null");
        requireNonNull(arnAk, "arnAk is null");
        requireNonNull(arnSk, "arnSk is null");
    }

    static MetaServiceSettings defaults() {
        return new MetaServiceSettings(false, true, true, Duration.ofSeconds(300), "", "", "");
    }

    static MetaServiceSettings of(MetaServiceConfig config) {
        return new MetaServiceSettings(
                config.cluster_name_check_enabled(),
                config.instance_id_check_enabled(),
                config.fe_drop_safe_time_check_enabled(),
                Duration.ofMillis(config.fe_drop_safe_time_ms()),
                config.arn_id(),
                config.arn_ak(),
                config.arn_sk());
    }

    MetaServiceSettings withClusterNameCheck(boolean value) {
        return new MetaServiceSettings(
                value, instanceIdCheck, feDropSafeTimeCheck, feDropSafeTime, arnId, arnAk, arnSk);
    }
}
