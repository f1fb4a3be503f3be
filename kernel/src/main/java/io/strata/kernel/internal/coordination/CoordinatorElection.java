package io.strata.kernel.internal.coordination;

import static java.util.Objects.requireNonNull;

import io.strata.spi.Leadership;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This coordinator's part in the election ({@code /leader}, a Curator {@link LeaderLatch} whose
 * participant id is the coordinator's base URL) and its presence ({@code /coordinators/<id>},
 * ephemeral, re-created after session loss).
 */
public final class CoordinatorElection implements Leadership, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorElection.class);

    private enum State {
        LATENT,
        STARTED,
        CLOSED
    }

    private final CuratorFramework curator;
    private final URI self;
    private final LeaderLatch latch;
    private final PersistentNode presence;
    private final ExecutorService listenerExecutor;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);

    public CoordinatorElection(CuratorFramework curator, URI self) {
        this.curator = requireNonNull(curator, "curator is null");
        this.self = requireNonNull(self, "self is null");
        this.latch = new LeaderLatch(curator, "/leader", self.toString());
        this.presence = new PersistentNode(
                curator,
                CreateMode.EPHEMERAL,
                false,
                "/coordinators/" + self.getHost() + ":" + self.getPort(),
                self.toString().getBytes(StandardCharsets.UTF_8));
        this.listenerExecutor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-leader-election");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Joins the election in the background; does not wait for ZooKeeper. */
    public void start() throws Exception {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("already started or closed");
        }
        latch.addListener(
                new LeaderLatchListener() {
                    @Override
                    public void isLeader() {
                        LOG.info("This coordinator ({}) is now the leader", self);
                    }

                    @Override
                    public void notLeader() {
                        LOG.info("This coordinator ({}) is no longer the leader", self);
                    }
                },
                listenerExecutor);
        curator.getConnectionStateListenable()
                .addListener((client, newState) -> onStateChange(newState), listenerExecutor);
        presence.start();
        latch.start();
    }

    private void onStateChange(ConnectionState newState) {
        switch (newState) {
            // the latch and the presence node re-register themselves; nothing to do here
            case CONNECTED, RECONNECTED -> LOG.debug("Election sees ZooKeeper {}", newState);
            // the latch gives up leadership itself on SUSPENDED/LOST; leader-only work must check isLeader()
            case SUSPENDED, LOST ->
                LOG.warn("Election sees ZooKeeper {}: leadership is not held until reconnected", newState);
            // writes are impossible: no election can complete
            case READ_ONLY -> LOG.warn("Election sees a read-only ZooKeeper server");
        }
    }

    @Override
    public boolean isLeader() {
        return state.get() == State.STARTED && latch.hasLeadership();
    }

    @Override
    public Optional<URI> leaderUrl() {
        if (isLeader()) {
            return Optional.of(self);
        }
        try {
            Participant leader = latch.getLeader();
            return leader.isLeader() && !leader.getId().isEmpty()
                    ? Optional.of(URI.create(leader.getId()))
                    : Optional.empty();
        } catch (Exception e) {
            LOG.debug("Cannot read the leader: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (!state.compareAndSet(State.STARTED, State.CLOSED)) {
            state.set(State.CLOSED);
            return;
        }
        IOException failure = null;
        try {
            latch.close(LeaderLatch.CloseMode.NOTIFY_LEADER);
        } catch (IOException e) {
            failure = e;
        }
        try {
            presence.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        listenerExecutor.shutdown();
        if (failure != null) {
            LOG.warn("Leaving the coordinator election failed", failure);
        }
    }
}
