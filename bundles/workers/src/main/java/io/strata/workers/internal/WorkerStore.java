package io.strata.workers.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;

/**
 * The workers' records in ZooKeeper: {@code /workers/registered/<id>} (persistent, the
 * registration) and {@code /workers/live/<id>} (ephemeral, present while the worker's session
 * lives). A worker is ONLINE when it has both.
 */
final class WorkerStore {
    static final String ROOT = "/workers";
    static final String REGISTERED = ROOT + "/registered";
    static final String LIVE = ROOT + "/live";

    private final CuratorFramework curator;

    WorkerStore(CuratorFramework curator) {
        this.curator = requireNonNull(curator, "curator is null");
    }

    static String registered(String identity) {
        return REGISTERED + "/" + identity;
    }

    static String live(String identity) {
        return LIVE + "/" + identity;
    }

    /** Creates or updates a worker's registration. */
    void register(Registration registration) throws Exception {
        curator.create()
                .orSetData()
                .creatingParentContainersIfNeeded()
                .forPath(registered(registration.identity()), registration.toJson());
    }

    /**
     * Removes an OFFLINE worker's registration. The check and the removal are one transaction: it
     * creates the worker's liveness node (which fails while the worker is live), deletes it again
     * and deletes the registration, so a worker coming back at the same moment is never removed
     * while ONLINE.
     *
     * @throws StrataException {@code NOT_FOUND} when no such worker is registered, {@code CONFLICT}
     *     when it is ONLINE, {@code UNAVAILABLE} when ZooKeeper cannot be reached
     */
    void removeOffline(String identity) {
        try {
            curator.createContainers(LIVE);
            CuratorOp claim = curator.transactionOp().create().forPath(live(identity));
            CuratorOp release = curator.transactionOp().delete().forPath(live(identity));
            CuratorOp remove = curator.transactionOp().delete().forPath(registered(identity));
            curator.transaction().forOperations(claim, release, remove);
        } catch (KeeperException.NodeExistsException e) {
            throw StrataException.conflict("worker " + identity + " is ONLINE: stop it first, then remove it"
                    + " (only an OFFLINE worker can be removed, so that the ring and the worker stay consistent)");
        } catch (KeeperException.NoNodeException e) {
            throw StrataException.notFound(notFound(identity));
        } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException e) {
            throw new StrataException(ErrorKind.UNAVAILABLE, "ZooKeeper is unavailable: " + e.getMessage(), e);
        } catch (StrataException e) {
            throw e;
        } catch (Exception e) {
            throw new StrataException(ErrorKind.INTERNAL, "cannot remove worker " + identity + ": " + e, e);
        }
    }

    static String notFound(String identity) {
        return "worker not found: " + identity;
    }
}
