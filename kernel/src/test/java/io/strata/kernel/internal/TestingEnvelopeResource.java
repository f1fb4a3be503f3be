package io.strata.kernel.internal;

import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.http.Description;
import io.strata.spi.http.MetaServiceEnvelope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@MetaServiceEnvelope
@Path("/TestingService/{call}")
@Produces(MediaType.APPLICATION_JSON)
public final class TestingEnvelopeResource {
    public record Reply(String code, String msg, java.util.Map<String, Object> result) {}

    @GET
    @Description("A call in the meta-service envelope.")
    public Reply call(@PathParam("call") String call) {
        return switch (call) {
            case "ok" -> new Reply("OK", "", java.util.Map.of());
            case "denied" -> throw new StrataException(ErrorKind.PERMISSION_DENIED, "token is invalid");
            case "exists" -> throw StrataException.conflict("cluster already exists");
            default -> throw StrataException.invalidArgument("unknown call " + call);
        };
    }
}
