package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ErrorKind;
import io.strata.spi.Leadership;
import io.strata.spi.StrataException;
import io.strata.spi.http.LeaderOnly;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * On a standby coordinator, answers {@link LeaderOnly} calls with a 307 to the same path and query
 * on the leader (a 307 keeps the method and body), or 503 while no leader is elected. Bound to those
 * calls only ({@link KernelFilters}).
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class LeaderOnlyFilter implements ContainerRequestFilter {
    private final Supplier<Optional<Leadership>> leadership;

    LeaderOnlyFilter(Supplier<Optional<Leadership>> leadership) {
        this.leadership = requireNonNull(leadership, "leadership is null");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Leadership> election = leadership.get();
        if (election.isEmpty()) {
            throw new StrataException(
                    ErrorKind.UNAVAILABLE, "This call is served by coordinators; this node is not one");
        }
        if (election.get().isLeader()) {
            return;
        }
        URI leader = election.get()
                .leaderUrl()
                .orElseThrow(() ->
                        new StrataException(ErrorKind.UNAVAILABLE, "No coordinator is leader yet; retry shortly"));
        URI requested = request.getUriInfo().getRequestUri();
        URI target = leader.resolve(
                requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
        throw new WebApplicationException(Response.temporaryRedirect(target).build());
    }
}
