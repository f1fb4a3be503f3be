package io.strata.kernel.internal.zookeeper;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's ZooKeeper: an embedded server under the data dir when no address is configured (the
 * all-in-one default), else the given ensemble; and one Curator client, namespaced by cluster name.
 * Curator connects in the background; the connection state is logged and kept for the health check.
 */
public final class ZooKeeperService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperService.class);

    private final Optional<ZooKeeperServerEmbedded> embedded;
    private final CuratorFramework curator;
    private final String connectString;
    private final ExecutorService listenerExecutor;
    private final AtomicReference<StateChange> state =
            new AtomicReference<>(new StateChange(ConnectionState.LOST, Instant.now()));

    private record StateChange(ConnectionState state, Instant since) {}

    private ZooKeeperService(
            Optional<ZooKeeperServerEmbedded> embedded,
            CuratorFramework curator,
            String connectString,
            ExecutorService listenerExecutor) {
        this.embedded = requireNonNull(embedded, "embedded is null");
        this.curator = requireNonNull(curator, "curator is null");
        this.connectString = requireNonNull(connectString, "connectString is null");
        this.listenerExecutor = requireNonNull(listenerExecutor, "listenerExecutor is null");
    }

    /**
     * Starts the embedded server (when {@code address} is empty) and the Curator client.
     *
     * @throws ZooKeeperStartException when the embedded server cannot start (port taken, data unreadable)
     */
    public static ZooKeeperService start(
            Optional<String> address,
            Path dataDir,
            String host,
            int embeddedPort,
            String namespace,
            int sessionTimeoutMs,
            int connectionTimeoutMs) {
        Optional<ZooKeeperServerEmbedded> embedded = Optional.empty();
        String connectString;
        if (address.isPresent()) {
            connectString = address.get();
            LOG.info("Using the ZooKeeper ensemble at {}", connectString);
        } else {
            embedded = Optional.of(startEmbedded(dataDir.resolve("zookeeper"), host, embeddedPort));
            connectString = host + ":" + embeddedPort;
            LOG.info(
                    "Started the embedded ZooKeeper server on {} (data in {})",
                    connectString,
                    dataDir.resolve("zookeeper"));
        }
        CuratorFramework curator = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .namespace(namespace)
                .sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(connectionTimeoutMs)
                .retryPolicy(new BoundedExponentialBackoffRetry(100, 5_000, 29))
                .build();
        ExecutorService listenerExecutor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-zookeeper-state");
            thread.setDaemon(true);
            return thread;
        });
        ZooKeeperService service = new ZooKeeperService(embedded, curator, connectString, listenerExecutor);
        curator.getConnectionStateListenable()
                .addListener((client, newState) -> service.onStateChange(newState), listenerExecutor);
        curator.start();
        return service;
    }

    private static ZooKeeperServerEmbedded startEmbedded(Path dataDir, String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new ZooKeeperStartException(
                    "ZooKeeper port " + port + " on " + host + " is already in use (strata.zookeeper.embedded.port)");
        }
        Properties properties = new Properties();
        properties.setProperty("tickTime", "2000");
        properties.setProperty("initLimit", "10");
        properties.setProperty("syncLimit", "5");
        properties.setProperty("dataDir", dataDir.resolve("data").toString());
        properties.setProperty("clientPort", String.valueOf(port));
        properties.setProperty("clientPortAddress", host);
        properties.setProperty("admin.enableServer", "false");
        properties.setProperty("maxClientCnxns", "0");
        properties.setProperty("autopurge.snapRetainCount", "3");
        properties.setProperty("autopurge.purgeInterval", "1");
        try {
            Files.createDirectories(dataDir.resolve("data"));
            ZooKeeperServerEmbedded server = ZooKeeperServerEmbedded.builder()
                    .baseDir(dataDir)
                    .configuration(properties)
                    .exitHandler(ExitHandler.LOG_ONLY)
                    .build();
            server.start(60_000);
            return server;
        } catch (Exception e) {
            throw new ZooKeeperStartException("The embedded ZooKeeper server did not start: " + e.getMessage(), e);
        }
    }

    private void onStateChange(ConnectionState newState) {
        state.set(new StateChange(newState, Instant.now()));
        switch (newState) {
            // first connection: the session exists, coordination can start
            case CONNECTED -> LOG.info("Connected to ZooKeeper at {}", connectString);
            // connection back within the session: ephemeral nodes and watches are still there
            case RECONNECTED -> LOG.info("Reconnected to ZooKeeper at {}", connectString);
            // connection lost, session may still be alive: leader-only work must pause
            case SUSPENDED -> LOG.warn("ZooKeeper connection suspended; retrying {}", connectString);
            // session considered gone: ephemeral nodes are lost and must be re-created on reconnect
            case LOST -> LOG.error("ZooKeeper session lost; retrying {}", connectString);
            // a read-only server: reads may be stale, writes fail
            case READ_ONLY -> LOG.warn("Connected to a read-only ZooKeeper server at {}", connectString);
        }
    }

    public CuratorFramework curator() {
        return curator;
    }

    public String connectString() {
        return connectString;
    }

    /** Empty when the session is usable, else what is wrong. */
    public Optional<String> problem() {
        StateChange change = state.get();
        if (change.state() == ConnectionState.CONNECTED || change.state() == ConnectionState.RECONNECTED) {
            return Optional.empty();
        }
        return Optional.of(
                "not connected to " + connectString + " (" + change.state() + " since " + change.since() + ")");
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            curator.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        listenerExecutor.shutdownNow();
        if (embedded.isPresent()) {
            try {
                embedded.get().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The embedded server could not start; the message says why and names the key to change. */
    public static final class ZooKeeperStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ZooKeeperStartException(String message) {
            super(message);
        }

        ZooKeeperStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
