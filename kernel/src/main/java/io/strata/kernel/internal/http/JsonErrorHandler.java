package io.strata.kernel.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.api.v1.StatusResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Errors Jetty answers itself (a malformed request line, a bad URI) in the same JSON shape. */
final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = response.getStatus();
        String message = (String) request.getAttribute(ERROR_MESSAGE);
        if (message == null || message.isBlank()) {
            message = HttpStatus.getMessage(status);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(MAPPER.writeValueAsBytes(new StatusResponse(message))), callback);
        return true;
    }
}
