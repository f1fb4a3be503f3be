package io.strata.workers.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A worker's persistent registration record, the JSON data of {@code /workers/registered/<id>}.
 *
 * @param identity {@code worker-<uuid>}
 * @param address {@code host:port} of its HTTP server
 * @param capacityBytes the capacity of its cache tiers (0 until its cache publishes it)
 */
record Registration(String identity, String address, long capacityBytes) {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Registration {
        requireNonNull(identity, "identity is null");
        requireNonNull(address, "address is null");
    }

    byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Registration fromJson(byte[] json) {
        try {
            return MAPPER.readValue(json, Registration.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a worker registration: " + e.getMessage(), e);
        }
    }
}
