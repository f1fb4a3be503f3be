package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.http.RequiresAdmin;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@link RequiresAdmin} calls once an admin token is configured: 401 without a bearer
 * token, 403 with a wrong one. Tokens are compared in constant time. Bound to those calls only
 * ({@link KernelFilters}).
 */
@Priority(Priorities.AUTHENTICATION)
public final class AdminTokenFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    public AdminTokenFilter(Optional<String> token) {
        this.token = requireNonNull(token, "token is null").map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.isEmpty()) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new StrataException(
                    ErrorKind.UNAUTHENTICATED, "This call needs the admin token: send 'Authorization: Bearer <token>'");
        }
        byte[] presented = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, token.get())) {
            throw new StrataException(ErrorKind.PERMISSION_DENIED, "Wrong admin token");
        }
    }

    /** Whether a token is set, so that calls need it. */
    boolean enabled() {
        return token.isPresent();
    }
}
