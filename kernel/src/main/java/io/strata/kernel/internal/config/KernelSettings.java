package io.strata.kernel.internal.config;

import static io.strata.kernel.internal.config.KernelKeys.BUNDLES_WATCH;
import static io.strata.kernel.internal.config.KernelKeys.CLUSTER_NAME;
import static io.strata.kernel.internal.config.KernelKeys.DATA_DIR;
import static io.strata.kernel.internal.config.KernelKeys.HTTP_HOST;
import static io.strata.kernel.internal.config.KernelKeys.HTTP_PORT;
import static io.strata.kernel.internal.config.KernelKeys.HTTP_SHUTDOWN_TIMEOUT_MS;
import static io.strata.kernel.internal.config.KernelKeys.HTTP_THREADS_MAX;
import static io.strata.kernel.internal.config.KernelKeys.LOG_LEVEL;
import static io.strata.kernel.internal.config.KernelKeys.ROLE;
import static io.strata.kernel.internal.config.KernelKeys.SECURITY_ADMIN_TOKEN;
import static io.strata.kernel.internal.config.KernelKeys.ZOOKEEPER_ADDRESS;
import static io.strata.kernel.internal.config.KernelKeys.ZOOKEEPER_CONNECTION_TIMEOUT_MS;
import static io.strata.kernel.internal.config.KernelKeys.ZOOKEEPER_EMBEDDED_PORT;
import static io.strata.kernel.internal.config.KernelKeys.ZOOKEEPER_SESSION_TIMEOUT_MS;
import static java.util.Objects.requireNonNull;

import io.strata.spi.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The kernel's keys, parsed and typed. Built once at start-up from a validated {@link SiteConfig}. */
public record KernelSettings(
        Path home,
        String httpHost,
        int httpPort,
        int httpThreadsMax,
        long shutdownTimeoutMs,
        List<String> roles,
        String clusterName,
        Path dataDir,
        Optional<String> zookeeperAddress,
        int zookeeperEmbeddedPort,
        int zookeeperSessionTimeoutMs,
        int zookeeperConnectionTimeoutMs,
        Optional<String> adminToken,
        String logLevel,
        boolean watchBundles) {
    public KernelSettings {
        requireNonNull(home, "home is null");
        requireNonNull(httpHost, "httpHost is null");
        roles = List.copyOf(requireNonNull(roles, "roles is null"));
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(zookeeperAddress, "zookeeperAddress is null");
        requireNonNull(adminToken, "adminToken is null");
        requireNonNull(logLevel, "logLevel is null");
    }

    /**
     * @throws ConfigException listing every problem with the kernel's keys
     */
    public static KernelSettings from(SiteConfig config, Path home) {
        List<String> errors = config.kernelErrors();
        String cluster = (String) config.kernelValue(CLUSTER_NAME);
        if (errors.isEmpty() && !cluster.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            errors = List.of("Invalid value '" + cluster + "' for " + CLUSTER_NAME
                    + ": expected letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("\n", errors));
        }
        String role = (String) config.kernelValue(ROLE);
        List<String> roles = role.equals("all") ? List.of(Role.COORDINATOR, Role.WORKER) : List.of(role);
        String zookeeper = ((String) config.kernelValue(ZOOKEEPER_ADDRESS)).strip();
        String token = (String) config.kernelValue(SECURITY_ADMIN_TOKEN);
        return new KernelSettings(
                home,
                (String) config.kernelValue(HTTP_HOST),
                (Integer) config.kernelValue(HTTP_PORT),
                (Integer) config.kernelValue(HTTP_THREADS_MAX),
                (Long) config.kernelValue(HTTP_SHUTDOWN_TIMEOUT_MS),
                roles,
                cluster,
                home.resolve((String) config.kernelValue(DATA_DIR))
                        .toAbsolutePath()
                        .normalize(),
                zookeeper.isEmpty() ? Optional.empty() : Optional.of(zookeeper),
                (Integer) config.kernelValue(ZOOKEEPER_EMBEDDED_PORT),
                (Integer) config.kernelValue(ZOOKEEPER_SESSION_TIMEOUT_MS),
                (Integer) config.kernelValue(ZOOKEEPER_CONNECTION_TIMEOUT_MS),
                token.isEmpty() ? Optional.empty() : Optional.of(token),
                (String) config.kernelValue(LOG_LEVEL),
                (Boolean) config.kernelValue(BUNDLES_WATCH));
    }
}
