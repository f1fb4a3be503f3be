package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.introspection.MetricsError;
import io.strata.api.v1.introspection.MetricsResponse;
import io.strata.spi.ErrorKind;
import io.strata.spi.NodeInfo;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.spi.metrics.NodeMetrics;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /metrics}: the node's metrics by entity as JSON, or as Prometheus text with
 * {@code format=prometheus} or an {@code Accept} header that prefers {@code text/plain}.
 * Errors are the reference's {@code {"error_message": ...}} with 400, which is this call's
 * documented answer, so the resource builds those responses itself.
 */
@Component(service = MetricsResource.class)
@JakartarsResource
@Path("/metrics")
public final class MetricsResource {
    static final String DESCRIPTION = "[with_metric_fields=field1,field2,...][&types=type1,type2,...][&ids=id1,id2,...]"
            + "[&attributes=attr1,value1,attr2,value2,...][&metrics=metric1,metric2,...][&detail=true|false][&format=json|prometheus]"
            + "Query the node metrics.";

    private final NodeMetrics metrics;
    private final NodeInfo node;

    @Activate
    public MetricsResource(@Reference NodeMetrics metrics, @Reference NodeInfo node) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.node = requireNonNull(node, "node is null");
    }

    @GET
    @Description(DESCRIPTION)
    public Response metrics(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        MetricsQuery query;
        try {
            query = MetricsQuery.parse(new TreeMap<>(uri.getQueryParameters()));
        } catch (StrataException e) {
            if (e.kind() != ErrorKind.INVALID_ARGUMENT) {
                throw e;
            }
            return error(e.getMessage());
        }
        List<Entity> entities = query.apply(new MetricsCollector(metrics, serverId(node)).collect());
        boolean prometheus = query.format()
                .map(format -> format == MetricsQuery.Format.PROMETHEUS)
                .orElseGet(() -> MediaRanges.prefersText(accept));
        if (prometheus) {
            return Response.ok(PrometheusFormat.render(entities), PrometheusFormat.CONTENT_TYPE)
                    .build();
        }
        Instant now = Instant.now();
        MetricsResponse response = new MetricsResponse(
                node.clusterName(),
                String.join(",", node.roles()),
                node.httpHost(),
                node.httpPort(),
                TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano(),
                MetricsJson.entities(entities, query.fields()));
        return Response.ok(response, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Description(DESCRIPTION)
    public Response post() {
        return wrongMethod();
    }

    @PUT
    @Description(DESCRIPTION)
    public Response put() {
        return wrongMethod();
    }

    @DELETE
    @Description(DESCRIPTION)
    public Response delete() {
        return wrongMethod();
    }

    @PATCH
    @Description(DESCRIPTION)
    public Response patch() {
        return wrongMethod();
    }

    static String serverId(NodeInfo node) {
        return node.httpHost() + ":" + node.httpPort();
    }

    private static Response wrongMethod() {
        return error("please use 'GET' method while querying for metrics");
    }

    private static Response error(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new MetricsError(message))
                .build();
    }
}
