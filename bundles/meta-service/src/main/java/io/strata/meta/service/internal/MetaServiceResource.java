package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.spi.http.MetaServiceEnvelope;
import io.strata.spi.metrics.MetricNames;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /MetaService/http/<call>} and {@code /MetaService/http/v1/<call>} with any of GET, POST,
 * PUT and DELETE: the token first (403 in plain text), then the call, whose body is read as JSON
 * whatever its Content-Type. Answers are the reference's: the {@code {"code","msg"[,"result"]}}
 * envelope (rendered by the kernel), plain text for the key tools, protobuf text format for
 * get_tablet_stats. An unknown call is 404.
 */
@Component(service = MetaServiceResource.class)
@JakartarsResource
@MetaServiceEnvelope
@Path("/MetaService/http")
public final class MetaServiceResource {
    private static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8");

    /** The reference's JSON envelope. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"code", "msg", "result"})
    record Envelope(
            @JsonProperty("code") String code,
            @JsonProperty("msg") String msg,
            @JsonProperty("result") Object result) {
        static Envelope ok(Object result) {
            return new Envelope("OK", "", result);
        }
    }

    /** One call as received: the unresolved path, its query (undecoded, as the reference reads it) and its raw body. */
    record Call(String path, Map<String, String> query, byte[] body) {
        Call {
            requireNonNull(path, "path is null");
            requireNonNull(query, "query is null");
            requireNonNull(body, "body is null");
        }

        String query(String name) {
            return query.get(name);
        }

        <T> T parse(Class<T> type) {
            return ProtoJson.parseRequest(path, body, type);
        }
    }

    @FunctionalInterface
    interface Handler {
        Response handle(MetaService service, Call call);
    }

    /** A call whose success answer is the plain OK envelope. */
    @FunctionalInterface
    interface OkCall {
        void run(MetaService service, Call call);
    }

    /**
     * The hot write calls, also served as kernel direct routes ({@link MetaServiceRoutes}) with the
     * same token check, timing, answers and errors, without Jersey in between.
     */
    static final Map<String, OkCall> DIRECT_CALLS = directCalls();

    private static Map<String, OkCall> directCalls() {
        Map<String, OkCall> table = new LinkedHashMap<>();
        OkCall createInstance =
                (service, call) -> service.instances().createInstance(call.parse(Proto.CreateInstanceRequest.class));
        OkCall addNode = (service, call) ->
                service.clusters().alterCluster(call.parse(Proto.AlterClusterRequest.class), Proto.ClusterOp.ADD_NODE);
        OkCall dropNode = (service, call) ->
                service.clusters().alterCluster(call.parse(Proto.AlterClusterRequest.class), Proto.ClusterOp.DROP_NODE);
        for (String prefix : List.of("", "v1/")) {
            table.put(prefix + "create_instance", createInstance);
            table.put(prefix + "add_node", addNode);
            table.put(prefix + "drop_node", dropNode);
        }
        return java.util.Collections.unmodifiableMap(table);
    }

    private final MetaService service;
    private final MetricRegistry metrics;
    private final Map<String, Handler> handlers;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Activate
    public MetaServiceResource(@Reference MetaService service, @Reference MetricRegistry metrics) {
        this.service = requireNonNull(service, "service is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.handlers = handlers();
        // group commit: writes per transaction is the ratio of the two
        GroupCommit commits = service.store().commits();
        // (a new activation replaces the gauges of the previous one's store)
        gauge("strata.metaservice.write.transactions", commits::transactions);
        gauge("strata.metaservice.write.committed", commits::committedWrites);
        gauge("strata.metaservice.write.resent", commits::resent);
    }

    private void gauge(String name, Gauge<Long> gauge) {
        metrics.remove(name);
        metrics.register(name, gauge);
    }

    // GET and DELETE carry bodies too (the reference reads the body whatever the method); taking
    // the request context's entity stream instead of an entity parameter keeps Jersey from warning
    // on every rebuild. Not the servlet's stream: Jersey may already have peeked at its first bytes.
    @GET
    @Path("{call: .+}")
    @Description(
            "token=<token>. A meta-service call (create_instance, get_instance, add_cluster, add_node, get_cluster, decode_key, ...), also under v1/.")
    public Response get(
            @PathParam("call") String call, @Context UriInfo uri, @Context ContainerRequestContext request) {
        return handle(call, uri, request.getEntityStream());
    }

    // POST and PUT take the body as an entity: with curl's form Content-Type, Jersey reads form
    // parameters from the servlet request (emptying its stream) unless the method consumes the entity
    @POST
    @Path("{call: .+}")
    @Consumes(MediaType.WILDCARD)
    @Description("token=<token>. A meta-service call with a JSON body (any Content-Type), also under v1/.")
    public Response post(@PathParam("call") String call, @Context UriInfo uri, InputStream body) {
        return handle(call, uri, body);
    }

    @PUT
    @Path("{call: .+}")
    @Consumes(MediaType.WILDCARD)
    @Description("token=<token>. A meta-service call with a JSON body (any Content-Type), also under v1/.")
    public Response put(@PathParam("call") String call, @Context UriInfo uri, InputStream body) {
        return handle(call, uri, body);
    }

    @DELETE
    @Path("{call: .+}")
    @Description("token=<token>. A meta-service call; the reference ignores the HTTP method, and so does Strata.")
    public Response delete(
            @PathParam("call") String call, @Context UriInfo uri, @Context ContainerRequestContext request) {
        return handle(call, uri, request.getEntityStream());
    }

    Response handle(String path, UriInfo uri, InputStream body) {
        return handle(path, firstValues(uri.getQueryParameters(false)), read(body));
    }

    /** Token, routing, timing; the entry point of every call. */
    Response handle(String path, Map<String, String> query, byte[] body) {
        checkToken(query);
        Handler handler = handlers.get(path);
        if (handler == null) {
            throw new MetaServiceException(MetaServiceCode.CLUSTER_NOT_FOUND, "unknown meta-service call: " + path);
        }
        try (Timer.Context ignored = timer(path).time()) {
            service.awaitReady();
            return handler.handle(service, new Call(path, query, body));
        }
    }

    /** The same as {@link #handle} for a call of {@link #DIRECT_CALLS}; returns normally on OK. */
    void handleDirect(String path, Map<String, String> query, byte[] body) {
        checkToken(query);
        OkCall call = DIRECT_CALLS.get(path);
        if (call == null) {
            throw new MetaServiceException(MetaServiceCode.CLUSTER_NOT_FOUND, "unknown meta-service call: " + path);
        }
        try (Timer.Context ignored = timer(path).time()) {
            service.awaitReady();
            call.run(service, new Call(path, query, body));
        }
    }

    private void checkToken(Map<String, String> query) {
        String token = query.get("token");
        if (token == null || token.isEmpty()) {
            throw new StrataException(ErrorKind.PERMISSION_DENIED, "incorrect token, token=(not given)");
        }
        if (!token.equals(service.token())) {
            throw new StrataException(ErrorKind.PERMISSION_DENIED, "incorrect token, token=" + token);
        }
    }

    private Timer timer(String path) {
        String name = path.startsWith("v1/") ? path.substring(3) : path;
        return timers.computeIfAbsent(
                name, key -> metrics.timer(MetricNames.tagged("strata.metaservice.call", "call", key)));
    }

    private static Map<String, String> firstValues(MultivaluedMap<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        parameters.forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        return query;
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------- dispatch table

    private static Map<String, Handler> handlers() {
        Map<String, Handler> table = new LinkedHashMap<>();
        // instances
        both(table, "drop_instance", alterInstance(Proto.InstanceOp.DROP));
        both(table, "rename_instance", alterInstance(Proto.InstanceOp.RENAME));
        both(table, "enable_instance_sse", alterInstance(Proto.InstanceOp.ENABLE_SSE));
        both(table, "disable_instance_sse", alterInstance(Proto.InstanceOp.DISABLE_SSE));
        both(table, "set_instance_status", (service, call) -> {
            Proto.AlterInstanceRequest request = call.parse(Proto.AlterInstanceRequest.class);
            service.instances().alterInstance(request, request.op());
            return ok();
        });
        both(
                table,
                "get_instance",
                (service, call) -> withResult(
                        Proto.Instance.empty(),
                        () -> service.instances()
                                .getInstance(call.query("instance_id"), call.query("cloud_unique_id"))));
        // clusters and nodes
        both(table, "add_cluster", alterCluster(Proto.ClusterOp.ADD_CLUSTER));
        both(table, "drop_cluster", alterCluster(Proto.ClusterOp.DROP_CLUSTER));
        both(table, "rename_cluster", alterCluster(Proto.ClusterOp.RENAME_CLUSTER));
        both(table, "update_cluster_endpoint", alterCluster(Proto.ClusterOp.UPDATE_CLUSTER_ENDPOINT));
        both(table, "update_cluster_mysql_user_name", alterCluster(Proto.ClusterOp.UPDATE_CLUSTER_MYSQL_USER_NAME));
        both(table, "decommission_node", alterCluster(Proto.ClusterOp.DECOMMISSION_NODE));
        table.put("notify_decommissioned", alterCluster(Proto.ClusterOp.NOTIFY_DECOMMISSIONED));
        both(table, "set_cluster_status", alterCluster(Proto.ClusterOp.SET_CLUSTER_STATUS));
        both(table, "alter_vcluster_info", alterCluster(Proto.ClusterOp.ALTER_VCLUSTER_INFO));
        both(
                table,
                "get_cluster",
                (service, call) -> Response.ok(
                                Envelope.ok(service.clusters().getCluster(call.parse(Proto.GetClusterRequest.class))),
                                MediaType.APPLICATION_JSON_TYPE)
                        .build());
        both(
                table,
                "get_cluster_status",
                (service, call) -> withResult(
                        new Proto.GetClusterStatusResponse(null, List.of()),
                        () -> service.clusters().getClusterStatus(call.parse(Proto.GetClusterStatusRequest.class))));
        // object storage, vaults and keys
        Handler objStoreInfo = (service, call) -> withResult(
                Proto.GetObjStoreInfoResponse.empty(),
                () -> service.storage().getObjStoreInfo(call.parse(Proto.GetObjStoreInfoRequest.class)));
        both(table, "get_obj_store_info", objStoreInfo);
        table.put("show_storage_vaults", objStoreInfo);
        both(table, "add_obj_info", alterObjInfo(Proto.ObjOp.ADD_OBJ_INFO));
        both(table, "legacy_update_ak_sk", alterObjInfo(Proto.ObjOp.LEGACY_UPDATE_AK_SK));
        both(table, "alter_obj_info", alterObjInfo(Proto.ObjOp.ALTER_OBJ_INFO));
        both(table, "update_ak_sk", (service, call) -> {
            service.storage().updateAkSk(call.parse(Proto.UpdateAkSkRequest.class));
            return ok();
        });
        table.put("add_s3_vault", alterVault(Proto.ObjOp.ADD_S3_VAULT));
        both(table, "alter_s3_vault", alterVault(Proto.ObjOp.ALTER_S3_VAULT));
        table.put("drop_s3_vault", alterVault(Proto.ObjOp.DROP_S3_VAULT));
        table.put("add_hdfs_vault", alterVault(Proto.ObjOp.ADD_HDFS_INFO));
        table.put("drop_hdfs_vault", alterVault(Proto.ObjOp.DROP_HDFS_INFO));
        // key tools
        both(
                table,
                "decode_key",
                (service, call) -> text(service.keys().decodeKey(call.query("key"), call.query("unicode"))));
        both(table, "encode_key", (service, call) -> text(service.keys().encodeKey(call.query())));
        both(table, "get_value", (service, call) -> text(service.keys().getValue(call.query())));
        // transactions and tablets
        both(
                table,
                "begin_txn",
                (service, call) ->
                        withResult(null, () -> service.txns().beginTxn(call.parse(Proto.BeginTxnRequest.class))));
        both(
                table,
                "commit_txn",
                (service, call) ->
                        withResult(null, () -> service.txns().commitTxn(call.parse(Proto.CommitTxnRequest.class))));
        both(table, "abort_txn", (service, call) -> {
            service.txns().abortTxn(call.parse(Proto.AbortTxnRequest.class));
            return ok();
        });
        both(table, "create_tablets", (service, call) -> {
            service.txns().createTablets(call.parse(Proto.CreateTabletsRequest.class));
            return ok();
        });
        both(table, "start_tablet_job", (service, call) -> {
            service.txns().startTabletJob(call.parse(Proto.StartTabletJobRequest.class));
            return ok();
        });
        both(table, "abort_tablet_job", (service, call) -> {
            service.txns()
                    .abortTabletJob(
                            call.parse(Proto.FinishTabletJobRequest.class).withAction(Proto.JobAction.ABORT));
            return ok();
        });
        both(table, "update_tablet_stats", (service, call) -> {
            service.txns().updateTabletStats(call.parse(Proto.UpdateTabletStatsRequest.class));
            return ok();
        });
        both(table, "get_tablet_stats", MetaServiceResource::tabletStats);
        DIRECT_CALLS.forEach((name, call) -> table.put(name, (service, received) -> {
            call.run(service, received);
            return ok();
        }));
        return Map.copyOf(table);
    }

    private static void both(Map<String, Handler> table, String name, Handler handler) {
        table.put(name, handler);
        table.put("v1/" + name, handler);
    }

    private static Handler alterInstance(Proto.InstanceOp op) {
        return (service, call) -> {
            service.instances().alterInstance(call.parse(Proto.AlterInstanceRequest.class), op);
            return ok();
        };
    }

    private static Handler alterCluster(Proto.ClusterOp op) {
        return (service, call) -> {
            service.clusters().alterCluster(call.parse(Proto.AlterClusterRequest.class), op);
            return ok();
        };
    }

    private static Handler alterObjInfo(Proto.ObjOp op) {
        return (service, call) -> {
            service.storage().alterObjInfo(call.parse(Proto.AlterObjStoreInfoRequest.class), op);
            return ok();
        };
    }

    private static Handler alterVault(Proto.ObjOp op) {
        return (service, call) -> {
            service.storage().alterVault(call.parse(Proto.AlterObjStoreInfoRequest.class), op);
            return ok();
        };
    }

    /** get_tablet_stats answers in protobuf text format, and with an empty body on error. */
    private static Response tabletStats(MetaService service, Call call) {
        try {
            Proto.GetTabletStatsResponse response =
                    service.txns().getTabletStats(call.parse(Proto.GetTabletStatsRequest.class));
            return text(TextFormat.debugString(response));
        } catch (MetaServiceException e) {
            return Response.status(e.code().httpStatus())
                    .type(TEXT)
                    .entity("\n")
                    .build();
        }
    }

    /**
     * The OK envelope without a result, pre-rendered: it is the answer of most calls, and a String
     * entity is written as is (the kernel renders only envelope objects). The same bytes the kernel
     * renders for {@code Envelope.ok(null)}.
     */
    static final String OK = "{\n    \"code\": \"OK\",\n    \"msg\": \"\"\n}\n";

    private static Response ok() {
        return Response.ok(OK, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A text answer; the reference's HTTP layer ends every body with one more newline. */
    private static Response text(String body) {
        return Response.ok(body + "\n", TEXT).build();
    }

    @FunctionalInterface
    private interface ResultCall {
        Object call();
    }

    /**
     * A call whose envelope carries {@code result} even on error: the error's result is
     * {@code errorResult} with, for whole responses, the error as their own {@code status}.
     */
    private static Response withResult(Object errorResult, ResultCall call) {
        try {
            return Response.ok(Envelope.ok(call.call()), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        } catch (MetaServiceException e) {
            Proto.ResponseStatus status = new Proto.ResponseStatus(e.code(), e.getMessage());
            Object result = errorResult;
            if (errorResult instanceof Proto.GetClusterStatusResponse response) {
                result = response.withStatus(status);
            } else if (errorResult instanceof Proto.GetObjStoreInfoResponse response) {
                result = response.withStatus(status);
            } else if (errorResult == null) {
                throw e;
            }
            return Response.status(e.code().httpStatus())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Envelope(e.code().category(), e.getMessage(), result))
                    .build();
        }
    }
}
