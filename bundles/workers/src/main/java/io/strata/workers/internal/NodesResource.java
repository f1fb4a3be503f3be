package io.strata.workers.internal;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.StatusResponse;
import io.strata.api.v1.nodes.WorkerNode;
import io.strata.api.v1.nodes.WorkerNodeList;
import io.strata.api.v1.nodes.WorkerStatus;
import io.strata.spi.Role;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.spi.http.RequiresAdmin;
import io.strata.workers.Worker;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.curator.framework.CuratorFramework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/nodes}: the reference's worker list, on coordinators. */
@Component(service = NodesResource.class)
@JakartarsResource
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public final class NodesResource {
    private final WorkerDirectoryService directory;
    private final WorkerStore store;

    @Activate
    public NodesResource(
            @Reference(target = Role.COORDINATOR_TARGET) Role role,
            @Reference WorkerDirectoryService directory,
            @Reference CuratorFramework curator) {
        requireNonNull(role, "role is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.store = new WorkerStore(curator);
    }

    @GET
    @Description("id=<worker id> (optional). Lists every registered worker with its address and"
            + " ONLINE/OFFLINE status, or shows the one with that id.")
    public Object get(@QueryParam("id") String id) {
        if (id == null || id.isEmpty()) {
            return new WorkerNodeList(
                    directory.workers().stream().map(NodesResource::node).toList());
        }
        return directory
                .worker(id)
                .map(NodesResource::node)
                .orElseThrow(() -> StrataException.notFound(WorkerStore.notFound(id)));
    }

    @DELETE
    @RequiresAdmin
    @Description("id=<worker id>. Unregisters an OFFLINE worker (409 while it is ONLINE: stop it first).")
    public StatusResponse remove(@QueryParam("id") String id) throws InterruptedException {
        if (id == null || id.isBlank()) {
            throw StrataException.invalidArgument("Required parameters not provided: id");
        }
        store.removeOffline(id);
        // this node's own view shows the removal before the call returns
        directory.awaitView(view -> view.worker(id).isEmpty(), 5_000);
        return StatusResponse.OK;
    }

    static WorkerNode node(Worker worker) {
        return new WorkerNode(
                worker.identity(), worker.address(), worker.online() ? WorkerStatus.ONLINE : WorkerStatus.OFFLINE);
    }
}
