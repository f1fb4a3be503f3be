package io.strata.meta.service.internal;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.testing.TestingZooKeeper;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The meta-service over a real ZooKeeper, called through the resource's entry point, with answers
 * rendered as the kernel renders them for {@code @MetaServiceEnvelope} resources (pretty JSON with 4
 * spaces, a trailing newline; StrataException → {"code","msg"} with its status; token failures as
 * plain text).
 */
final class TestingMetaService implements AutoCloseable {
    static final String TOKEN = "test-token";

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .build()
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("    ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator("")));

    /** A clock the test moves. */
    static final class TestingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Reply(int status, String body) {}

    private final TestingZooKeeper zooKeeper;
    private final InstanceStore store;
    private final MetaServiceResource resource;
    private final MetricRegistry metrics = new MetricRegistry();
    private final TestingClock clock = new TestingClock();

    TestingMetaService() throws Exception {
        this(MetaServiceSettings.defaults());
    }

    TestingMetaService(MetaServiceSettings settings) throws Exception {
        this.zooKeeper = new TestingZooKeeper();
        this.store = new InstanceStore(zooKeeper.curator(), new AkSkCipher(AkSkCipher.newKey()), 1000);
        store.start();
        MetaService service = new MetaService(TOKEN, store, new KvStore(zooKeeper.curator()), settings, clock);
        this.resource = new MetaServiceResource(service, metrics);
    }

    TestingClock clock() {
        return clock;
    }

    MetricRegistry metrics() {
        return metrics;
    }

    InstanceStore store() {
        return store;
    }

    TestingZooKeeper zooKeeper() {
        return zooKeeper;
    }

    /** A call with the right token and a JSON body. */
    Reply call(String path, String body) {
        return call(path, Map.of(), body);
    }

    Reply call(String path, Map<String, String> query, String body) {
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("token", TOKEN);
        withToken.putAll(query);
        return raw(path, withToken, body);
    }

    /** A call exactly as given (no token added). */
    Reply raw(String path, Map<String, String> query, String body) {
        try {
            Response response =
                    resource.handle(path, query, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
            return new Reply(response.getStatus(), render(response.getEntity()));
        } catch (StrataException e) {
            if (e.kind() == ErrorKind.PERMISSION_DENIED || e.kind() == ErrorKind.UNAUTHENTICATED) {
                return new Reply(e.kind().httpStatus(), e.getMessage() + "\n");
            }
            Map<String, String> envelope = new LinkedHashMap<>();
            envelope.put("code", category(e.kind()));
            envelope.put("msg", e.getMessage());
            return new Reply(e.kind().httpStatus(), render(envelope));
        }
    }

    private static String category(ErrorKind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> "INVALID_ARGUMENT";
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "ALREADY_EXISTED";
            case UNAUTHENTICATED, PERMISSION_DENIED, GONE, RESOURCE_EXHAUSTED, INTERNAL, NOT_ENABLED, UNAVAILABLE ->
                "INTERNAL_ERROR";
        };
    }

    static String render(Object entity) {
        if (entity instanceof String text) {
            return text;
        }
        try {
            return WRITER.writeValueAsString(entity) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference's envelope for an error, as bytes. */
    static String error(String code, String msg) {
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("msg", msg);
        return render(envelope);
    }

    static final String OK = "{\n    \"code\": \"OK\",\n    \"msg\": \"\"\n}\n";

    @Override
    public void close() throws Exception {
        store.close();
        zooKeeper.close();
    }
}
