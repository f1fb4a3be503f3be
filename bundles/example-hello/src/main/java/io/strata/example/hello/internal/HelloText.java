package io.strata.example.hello.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.http.DirectRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/hello.txt}: the same greeting as plain text, served as a {@link DirectRoute}
 * (the way a bundle publishes a hot data path without Jakarta REST in between).
 */
@Component(service = DirectRoute.class)
public final class HelloText implements DirectRoute {
    private final HelloResource hello;

    @Activate
    public HelloText(@Reference HelloResource hello) {
        this.hello = requireNonNull(hello, "hello is null");
    }

    @Override
    public String path() {
        return "/api/v1/hello.txt";
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET", "HEAD");
    }

    @Override
    public String description() {
        return "The greeting of /api/v1/hello as plain text.";
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = (hello.hello().greeting() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
