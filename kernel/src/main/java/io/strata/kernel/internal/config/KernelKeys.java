package io.strata.kernel.internal.config;

import static io.strata.kernel.internal.config.KeyDefinition.of;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys the kernel itself declares. Their areas are strict: an unknown key in one of them stops
 * start-up. Renamed or removed keys go into {@link #DEFUNCT} with what replaces them.
 */
public final class KernelKeys {
    public static final String HTTP_HOST = "strata.http.host";
    public static final String HTTP_PORT = "strata.http.port";
    public static final String HTTP_THREADS_MAX = "strata.http.threads.max";
    public static final String HTTP_SHUTDOWN_TIMEOUT_MS = "strata.http.shutdown.timeout.ms";
    public static final String ROLE = "strata.role";
    public static final String CLUSTER_NAME = "strata.cluster.name";
    public static final String DATA_DIR = "strata.data.dir";
    public static final String ZOOKEEPER_ADDRESS = "strata.zookeeper.address";
    public static final String ZOOKEEPER_EMBEDDED_PORT = "strata.zookeeper.embedded.port";
    public static final String ZOOKEEPER_SESSION_TIMEOUT_MS = "strata.zookeeper.session.timeout.ms";
    public static final String ZOOKEEPER_CONNECTION_TIMEOUT_MS = "strata.zookeeper.connection.timeout.ms";
    public static final String SECURITY_ADMIN_TOKEN = "strata.security.admin.token";
    public static final String LOG_LEVEL = "strata.log.level";
    public static final String BUNDLES_WATCH = "strata.bundles.watch";

    public static final List<KeyDefinition> ALL = List.of(
            of(HTTP_HOST, ValueType.STRING, "0.0.0.0", "Address the HTTP server binds to."),
            of(
                            HTTP_PORT,
                            ValueType.INT,
                            "8470",
                            "Port of the HTTP server (all APIs of this node); 0 picks a free port.")
                    .range(0, 65535),
            of(HTTP_THREADS_MAX, ValueType.INT, "200", "Most threads serving HTTP requests at once.")
                    .range(8, 10_000),
            of(
                            HTTP_SHUTDOWN_TIMEOUT_MS,
                            ValueType.LONG,
                            "10000",
                            "On shutdown, how long in-flight requests may take to finish.")
                    .range(0, 600_000),
            of(
                            ROLE,
                            ValueType.STRING,
                            "all",
                            "Roles of this node: all (coordinator and worker in one process), coordinator or worker.")
                    .oneOf("all", "coordinator", "worker"),
            of(
                    CLUSTER_NAME,
                    ValueType.STRING,
                    "strata",
                    "Name of the cluster; the ZooKeeper namespace (chroot) of its state."),
            of(
                    DATA_DIR,
                    ValueType.STRING,
                    "data",
                    "Folder of this node's state (identity, embedded ZooKeeper, caches); relative to STRATA_HOME."),
            of(
                    ZOOKEEPER_ADDRESS,
                    ValueType.STRING,
                    "",
                    "ZooKeeper connect string (host:port,...); empty starts an embedded ZooKeeper server."),
            of(
                            ZOOKEEPER_EMBEDDED_PORT,
                            ValueType.INT,
                            "8471",
                            "Client port of the embedded ZooKeeper server, when strata.zookeeper.address is empty.")
                    .range(1, 65535),
            of(ZOOKEEPER_SESSION_TIMEOUT_MS, ValueType.INT, "30000", "ZooKeeper session timeout.")
                    .range(1000, 600_000),
            of(
                            ZOOKEEPER_CONNECTION_TIMEOUT_MS,
                            ValueType.INT,
                            "15000",
                            "How long to wait for a ZooKeeper connection before reporting it lost.")
                    .range(100, 600_000),
            of(
                    SECURITY_ADMIN_TOKEN,
                    ValueType.PASSWORD,
                    "",
                    "When set, admin calls need the header 'Authorization: Bearer <token>'."),
            of(LOG_LEVEL, ValueType.STRING, "INFO", "Level of the root logger; can be changed at runtime.")
                    .oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR")
                    .asMutable(),
            of(
                    BUNDLES_WATCH,
                    ValueType.BOOLEAN,
                    "true",
                    "Install, update and uninstall jars as they appear in, change in or leave bundles/ and plugins/."));

    /** Keys that no longer exist, with what to use instead. */
    public static final Map<String, String> DEFUNCT = Map.of();

    private static final Map<String, KeyDefinition> BY_NAME =
            ALL.stream().collect(Collectors.toMap(KeyDefinition::name, Function.identity(), (a, b) -> a, TreeMap::new));

    public static final Set<String> SECTIONS =
            ALL.stream().map(KeyDefinition::section).collect(Collectors.toUnmodifiableSet());

    private KernelKeys() {}

    public static Optional<KeyDefinition> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isKernelSection(String key) {
        return SECTIONS.contains(KeyDefinition.sectionOf(key));
    }
}
