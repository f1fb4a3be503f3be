package io.strata.kernel.internal.http;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.strata.api.v1.StatusResponse;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.http.MetaServiceEnvelope;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error policy of every HTTP answer: a {@code {"status": "<message>"}} body (or the
 * meta-service envelope for resources marked {@link MetaServiceEnvelope}) with the status of the
 * error's kind. Redirects pass through untouched. Our own bugs are a 500 whose id is logged with
 * the stack trace; no trace ever reaches a body.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable throwable) {
        if (throwable instanceof WebApplicationException web
                && web.getResponse().getStatus() / 100 == 3) {
            return web.getResponse();
        }
        Failure failure = classify(throwable);
        Object entity = entity(failure.kind(), failure.message(), metaServiceEnvelope());
        return Response.status(failure.status())
                .type(entity instanceof String ? MediaType.TEXT_PLAIN_TYPE : MediaType.APPLICATION_JSON_TYPE)
                .entity(entity)
                .build();
    }

    /**
     * The one error body of a failure: {@code {"status": "<message>"}}; for a route in the
     * meta-service's envelope, {@code {"code", "msg"}}, except token failures, which the meta-service
     * answers as a plain-text line (then a String). Direct routes render theirs from it too.
     */
    static Object entity(ErrorKind kind, String message, boolean envelope) {
        if (!envelope) {
            return new StatusResponse(message);
        }
        if (kind == ErrorKind.PERMISSION_DENIED || kind == ErrorKind.UNAUTHENTICATED) {
            return message + "\n";
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", metaServiceCode(kind));
        body.put("msg", message);
        return body;
    }

    private record Failure(int status, ErrorKind kind, String message) {}

    private Failure classify(Throwable throwable) {
        StrataException strata = find(throwable, StrataException.class);
        if (strata != null) {
            return new Failure(strata.kind().httpStatus(), strata.kind(), strata.getMessage());
        }
        if (throwable instanceof ParamException param) {
            String where = param.getParameterType()
                    .getSimpleName()
                    .replace("Param", "")
                    .toLowerCase(java.util.Locale.ROOT);
            return invalid("Invalid value for " + where + " parameter '" + param.getParameterName() + "'");
        }
        JsonProcessingException json = find(throwable, JsonProcessingException.class);
        if (json != null) {
            return classifyJson(json, throwable);
        }
        if (throwable instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status / 100 == 4) {
                return new Failure(status, kindOf(status), clientMessage(status, web));
            }
            if (status == 503) {
                return new Failure(status, ErrorKind.UNAVAILABLE, "Service unavailable");
            }
        }
        return internal(throwable);
    }

    private Failure classifyJson(JsonProcessingException json, Throwable original) {
        if (json instanceof JsonGenerationException || json instanceof InvalidDefinitionException) {
            return internal(original);
        }
        if (json instanceof JsonParseException parse) {
            return invalid("Malformed JSON: " + parse.getOriginalMessage());
        }
        if (json instanceof ValueInstantiationException instantiation) {
            String field = field(instantiation);
            Throwable cause = instantiation.getCause();
            String reason = cause == null || cause.getMessage() == null ? "invalid value" : cause.getMessage();
            return invalid(
                    field.isEmpty()
                            ? "Invalid request body: " + reason
                            : "Invalid value for field '" + field + "': " + reason);
        }
        if (json instanceof MismatchedInputException mismatched) {
            String field = field(mismatched);
            if (!field.isEmpty()) {
                return invalid("Invalid value for field '" + field + "'");
            }
            return invalid(
                    mismatched.getOriginalMessage().startsWith("No content")
                            ? "Request body is required"
                            : "Invalid request body");
        }
        if (json instanceof JsonMappingException mapping && !field(mapping).isEmpty()) {
            return invalid("Invalid value for field '" + field(mapping) + "'");
        }
        return invalid("Invalid request body");
    }

    private static String field(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private String clientMessage(int status, WebApplicationException web) {
        String message = web.getMessage();
        boolean generic = message == null || message.startsWith("HTTP " + status);
        if (!generic) {
            return message;
        }
        String path = uriInfo == null ? "" : "/" + uriInfo.getPath(false).replaceFirst("^/", "");
        return switch (status) {
            case 404 -> "No such path: " + path;
            case 405 -> "Method not allowed on " + path;
            case 406 -> "Cannot produce any of the accepted media types for " + path;
            case 415 -> "Unsupported Content-Type for " + path;
            default -> "HTTP " + status;
        };
    }

    private static ErrorKind kindOf(int status) {
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.httpStatus() == status) {
                return kind;
            }
        }
        return ErrorKind.INVALID_ARGUMENT;
    }

    private static Failure invalid(String message) {
        return new Failure(400, ErrorKind.INVALID_ARGUMENT, message);
    }

    private static Failure internal(Throwable throwable) {
        return new Failure(500, ErrorKind.INTERNAL, internalError(throwable));
    }

    /** Logs our own bug with a fresh id and returns the message that names it, for a 500. */
    static String internalError(Throwable throwable) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Internal error, id {}", id, throwable);
        return "Internal error, id " + id;
    }

    private boolean metaServiceEnvelope() {
        return resourceInfo != null
                && resourceInfo.getResourceClass() != null
                && resourceInfo.getResourceClass().isAnnotationPresent(MetaServiceEnvelope.class);
    }

    /** The meta-service's code names are HTTP categories, not error kinds. */
    static String metaServiceCode(ErrorKind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> "INVALID_ARGUMENT";
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "ALREADY_EXISTED";
            case UNAUTHENTICATED, PERMISSION_DENIED, GONE, RESOURCE_EXHAUSTED, INTERNAL, NOT_ENABLED, UNAVAILABLE ->
                "INTERNAL_ERROR";
        };
    }

    private static <T extends Throwable> T find(Throwable throwable, Class<T> type) {
        Throwable current = throwable;
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
