package io.strata.api.client;

import static java.util.Objects.requireNonNull;

import io.strata.api.v1.nodes.CacheOutcome;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * A file being read through {@code /api/v1/file}: the worker that served it, how (from its cache or
 * not), and the bytes, to be read and closed by the caller.
 *
 * @param servedBy the URI the bytes come from (the owning worker's {@code /api/v1/worker/file})
 * @param contentLength the number of bytes in {@code body}
 * @param contentRange the {@code Content-Range} of a ranged read
 * @param outcome HIT, MISS or PARTIAL, when the worker said
 */
public record FileRead(
        URI servedBy,
        long contentLength,
        Optional<String> contentRange,
        Optional<String> etag,
        Optional<CacheOutcome> outcome,
        InputStream body)
        implements Closeable {
    public FileRead {
        requireNonNull(servedBy, "servedBy is null");
        requireNonNull(contentRange, "contentRange is null");
        requireNonNull(etag, "etag is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(body, "body is null");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
