package io.strata.example.hello.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.http.Description;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.osgi.service.metatype.annotations.Designate;

/** {@code GET /api/v1/hello}: the greeting shipped in the jar, the configured suffix and the bundle version. */
@Component(service = HelloResource.class, configurationPid = "strata.hello")
@Designate(ocd = HelloConfig.class)
@JakartarsResource
@Path("/api/v1/hello")
@Produces(MediaType.APPLICATION_JSON)
public final class HelloResource {
    private final String greeting;
    private volatile String suffix;

    @Activate
    public HelloResource(HelloConfig config) {
        this.greeting = readGreeting();
        modified(config);
    }

    @Modified
    void modified(HelloConfig config) {
        this.suffix = requireNonNull(config.greeting_suffix(), "greeting.suffix is null");
    }

    @GET
    @Description("Say hello: the greeting shipped in the bundle, the configured suffix and the bundle's version.")
    public Hello hello() {
        return new Hello(
                greeting + suffix,
                FrameworkUtil.getBundle(HelloResource.class).getVersion().toString());
    }

    private static String readGreeting() {
        try (InputStream in = HelloResource.class.getResourceAsStream("greeting.txt")) {
            return in == null ? "Hello" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Hello(String greeting, String version) {}
}
