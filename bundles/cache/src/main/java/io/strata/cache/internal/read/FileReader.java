package io.strata.cache.internal.read;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.api.v1.StatusResponse;
import io.strata.api.v1.nodes.CacheOutcome;
import io.strata.cache.CachedPage;
import io.strata.cache.FileVersion;
import io.strata.cache.PageCache;
import io.strata.mount.MountTable;
import io.strata.mount.ResolvedPath;
import io.strata.spi.Role;
import io.strata.spi.StrataException;
import io.strata.spi.http.DirectExchange;
import io.strata.spi.metrics.MetricNames;
import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a file read on a worker: pages in the cache are sent from it; runs of missing pages are
 * read from the UFS in one ranged stream, sent to the client as each page arrives, and handed to a
 * background writer that caches them (the client never waits for the cache). The file's status
 * (its {@link FileVersion}) is read from the UFS at most once per {@code strata.read.metadata.ttl.ms};
 * pages of another version are never served.
 *
 * <p>A read of at most {@value #NON_BLOCKING_MAX_BYTES} bytes whose pages are all cached, of a file
 * whose status is fresh, is answered without blocking ({@link #serveNonBlocking}); the others go
 * the blocking way ({@link #serve}).
 */
@Component(service = FileReader.class, configurationPid = "strata.read")
@Designate(ocd = ReadConfig.class)
public final class FileReader {
    private static final Logger LOG = LoggerFactory.getLogger(FileReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest read answered without blocking, from one buffer. */
    static final int NON_BLOCKING_MAX_BYTES = 256 * 1024;
    /** Up to this many pages, a blocking read opens its cached pages up front: one index lookup each. */
    private static final int OPEN_UP_FRONT_PAGES = 64;

    private final MountTable mounts;
    private final PageCache cache;
    private final UfsStatusCache statuses;
    private final ThreadPoolExecutor writer;
    private final Meter bytesFromCache;
    private final Meter bytesFromUfs;
    private final Counter writesDropped;
    private final Map<CacheOutcome, Meter> requests = new EnumMap<>(CacheOutcome.class);

    @Activate
    public FileReader(
            @Reference(target = Role.WORKER_TARGET) Role role,
            @Reference MountTable mounts,
            @Reference PageCache cache,
            @Reference MetricRegistry metrics,
            ReadConfig config) {
        this(mounts, cache, metrics, Duration.ofMillis(config.metadata_ttl_ms()), config.cache_write_queue_pages());
        requireNonNull(role, "role is null");
    }

    FileReader(MountTable mounts, PageCache cache, MetricRegistry metrics, Duration metadataTtl, int writeQueuePages) {
        this.mounts = requireNonNull(mounts, "mounts is null");
        this.cache = requireNonNull(cache, "cache is null");
        requireNonNull(metrics, "metrics is null");
        if (metadataTtl.isNegative()) {
            throw new IllegalArgumentException("strata.read.metadata.ttl.ms must not be negative");
        }
        if (writeQueuePages < 1) {
            throw new IllegalArgumentException("strata.read.cache.write.queue.pages must be positive");
        }
        this.statuses = new UfsStatusCache(metadataTtl);
        this.writer = new ThreadPoolExecutor(
                1,
                2,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(writeQueuePages),
                runnable -> {
                    Thread thread = new Thread(runnable, "strata-cache-writer");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.bytesFromCache = metrics.meter(MetricNames.tagged("strata.worker.read.bytes", "source", "cache"));
        this.bytesFromUfs = metrics.meter(MetricNames.tagged("strata.worker.read.bytes", "source", "ufs"));
        this.writesDropped = metrics.counter("strata.worker.cache.writes.dropped");
        for (CacheOutcome outcome : CacheOutcome.values()) {
            requests.put(
                    outcome,
                    metrics.meter(MetricNames.tagged("strata.worker.read.requests", "outcome", outcome.name())));
        }
    }

    @Deactivate
    void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            writer.shutdownNow();
        }
    }

    /**
     * Answers a read of {@code path} on {@code response}: 200 with the whole file, 206 with one
     * range, 416 for a range past the end (headers only when {@code body} is false, for HEAD), 304
     * when {@code If-None-Match} names the current version; a {@code Range} under an {@code If-Range}
     * of another version reads the whole file. {@code headers} gives a request header's value or null.
     *
     * @throws StrataException 404 for a missing file, 400 for a directory or a path under no mount,
     *     before anything is written
     */
    public void serve(String path, UnaryOperator<String> headers, boolean body, HttpServletResponse response)
            throws IOException {
        if (path == null || path.isEmpty()) {
            throw StrataException.invalidArgument("Required parameters not provided: path");
        }
        serve(mounts.resolve(path), headers, body, response);
    }

    /** {@link #serve(String, UnaryOperator, boolean, HttpServletResponse)} of a path already resolved. */
    public void serve(ResolvedPath resolved, UnaryOperator<String> headers, boolean body, HttpServletResponse response)
            throws IOException {
        Ufs ufs = mounts.ufs(resolved.mount());
        UfsStatusCache.FileState state;
        try {
            state = statuses.state(resolved.path(), () -> ufs.status(resolved.ufsPath()));
        } catch (UfsException e) {
            throw resolved.failure(e);
        }
        if (state.status().directory()) {
            throw StrataException.invalidArgument(resolved.path() + " is a directory; only files can be read");
        }
        FileVersion version = state.version();
        String etag = state.etag();
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        if (Conditions.notModified(headers.apply("If-None-Match"), etag)) {
            response.setStatus(304);
            if (state.lastModified().isPresent()) {
                response.setHeader("Last-Modified", state.lastModified().get());
            }
            return;
        }
        Optional<String> rangeHeader = Conditions.rangeApplies(headers.apply("If-Range"), etag, state.lastModified())
                ? Optional.ofNullable(headers.apply("Range"))
                : Optional.empty();
        ByteRange range;
        try {
            range = ByteRange.of(rangeHeader, version.length());
        } catch (ByteRange.Unsatisfiable e) {
            byte[] error = JSON.writeValueAsBytes(new StatusResponse("Range not satisfiable: " + e.getMessage()));
            response.setStatus(416);
            response.setHeader("Content-Range", "bytes */" + version.length());
            response.setContentType("application/json");
            response.setContentLength(error.length);
            if (body) {
                response.getOutputStream().write(error);
            }
            return;
        }
        CachedPage[] opened = body ? openUpFront(resolved.path(), version, range) : null;
        try {
            CacheOutcome outcome = opened != null ? outcome(opened) : outcome(resolved.path(), version, range);
            requests.get(outcome).mark();
            response.setStatus(range.partial() ? 206 : 200);
            response.setContentLengthLong(range.length());
            contentHeaders(state, range, outcome, response::setHeader);
            if (body && range.length() > 0) {
                send(resolved, ufs, version, range, response.getOutputStream(), opened);
            }
        } finally {
            if (opened != null) {
                for (CachedPage page : opened) {
                    if (page != null) {
                        page.close();
                    }
                }
            }
        }
    }

    /**
     * The cached pages of a range of at most {@value #OPEN_UP_FRONT_PAGES} pages, opened (null where
     * missing): one index lookup per page answers both the outcome and the read. Null for a longer
     * or empty range.
     */
    private CachedPage[] openUpFront(String path, FileVersion version, ByteRange range) {
        if (range.length() == 0) {
            return null;
        }
        int pageSize = cache.pageSize();
        long first = range.start() / pageSize;
        long last = (range.end() - 1) / pageSize;
        if (last - first + 1 > OPEN_UP_FRONT_PAGES) {
            return null;
        }
        CachedPage[] opened = new CachedPage[(int) (last - first + 1)];
        for (long page = first; page <= last; page++) {
            opened[(int) (page - first)] = cache.get(path, version, page).orElse(null);
        }
        return opened;
    }

    private static CacheOutcome outcome(CachedPage[] opened) {
        int cached = 0;
        for (CachedPage page : opened) {
            if (page != null) {
                cached++;
            }
        }
        if (cached == 0) {
            return CacheOutcome.MISS;
        }
        return cached == opened.length ? CacheOutcome.HIT : CacheOutcome.PARTIAL;
    }

    /**
     * Answers a GET of {@code path} through {@code exchange} when that needs neither the UFS nor a
     * wait: the file's status is fresh in memory, the range is at most {@value
     * #NON_BLOCKING_MAX_BYTES} bytes and all its pages are cached. Returns false, having set nothing,
     * otherwise (the caller then uses {@link #serve}).
     *
     * @throws StrataException 400 for a path under no mount
     */
    public boolean serveNonBlocking(String path, DirectExchange exchange) throws IOException {
        if (path == null || path.isEmpty() || !"GET".equals(exchange.method())) {
            return false;
        }
        return serveNonBlocking(mounts.resolve(path), exchange);
    }

    /** {@link #serveNonBlocking(String, DirectExchange)} of a path already resolved. */
    public boolean serveNonBlocking(ResolvedPath resolved, DirectExchange exchange) throws IOException {
        if (!"GET".equals(exchange.method())
                || exchange.header("If-None-Match") != null
                || exchange.header("If-Range") != null) {
            return false; // conditional reads go the blocking way, which answers them
        }
        UfsStatusCache.FileState state = statuses.fresh(resolved.path());
        if (state == null || state.status().directory()) {
            return false;
        }
        FileVersion version = state.version();
        ByteRange range;
        try {
            range = ByteRange.of(Optional.ofNullable(exchange.header("Range")), version.length());
        } catch (ByteRange.Unsatisfiable e) {
            return false;
        }
        long length = range.length();
        if (length == 0 || length > NON_BLOCKING_MAX_BYTES) {
            return false;
        }
        String path = resolved.path();
        int pageSize = cache.pageSize();
        long lastPage = (range.end() - 1) / pageSize;
        ByteBuffer buffer = null;
        for (long page = range.start() / pageSize; page <= lastPage; page++) {
            Optional<CachedPage> cached = cache.getIfCached(path, version, page);
            if (cached.isEmpty()) {
                return false;
            }
            try (CachedPage hit = cached.get()) {
                if (buffer == null) {
                    buffer = exchange.buffer((int) length);
                }
                long pageStart = page * pageSize;
                long from = Math.max(range.start(), pageStart) - pageStart;
                long to = Math.min(range.end(), pageStart + hit.length()) - pageStart;
                readFully(hit, buffer, from, (int) (to - from), path);
            }
        }
        buffer.flip();
        requests.get(CacheOutcome.HIT).mark();
        bytesFromCache.mark(length);
        exchange.setStatus(range.partial() ? 206 : 200);
        exchange.setHeader("ETag", state.etag());
        exchange.setHeader("Accept-Ranges", "bytes");
        exchange.setContentLength(length);
        contentHeaders(state, range, CacheOutcome.HIT, exchange::setHeader);
        exchange.send(buffer);
        return true;
    }

    /**
     * The headers of a 200 or 206 answer that both ways of answering send alike (the blocking way
     * sets {@code ETag} and {@code Accept-Ranges} earlier, for its 304 and 416 answers too).
     */
    private static void contentHeaders(
            UfsStatusCache.FileState state, ByteRange range, CacheOutcome outcome, BiConsumer<String, String> header) {
        header.accept("Content-Type", "application/octet-stream");
        header.accept(CacheOutcome.HEADER, outcome.name());
        state.lastModified().ifPresent(lastModified -> header.accept("Last-Modified", lastModified));
        if (range.partial()) {
            header.accept(
                    "Content-Range",
                    "bytes " + range.start() + "-" + (range.end() - 1) + "/"
                            + state.version().length());
        }
    }

    /** Reads bytes {@code [from, from + count)} of a cached page into {@code buffer}. */
    private static void readFully(CachedPage page, ByteBuffer buffer, long from, int count, String path)
            throws IOException {
        int limit = buffer.limit();
        buffer.limit(buffer.position() + count);
        long position = from;
        try {
            while (buffer.hasRemaining()) {
                int read = page.read(buffer, position);
                if (read < 0) {
                    throw new EOFException("a cached page of " + path + " ended early at " + position);
                }
                position += read;
            }
        } finally {
            buffer.limit(limit);
        }
    }

    private CacheOutcome outcome(String path, FileVersion version, ByteRange range) {
        if (range.length() == 0) {
            return CacheOutcome.HIT;
        }
        int pageSize = cache.pageSize();
        long first = range.start() / pageSize;
        long last = (range.end() - 1) / pageSize;
        long cached = 0;
        for (long page = first; page <= last; page++) {
            if (cache.contains(path, version, page)) {
                cached++;
            }
        }
        if (cached == 0) {
            return CacheOutcome.MISS;
        }
        return cached == last - first + 1 ? CacheOutcome.HIT : CacheOutcome.PARTIAL;
    }

    /** Sends the range: cached pages from the cache ({@code opened} when opened up front), runs of others from the UFS. */
    private void send(
            ResolvedPath resolved, Ufs ufs, FileVersion version, ByteRange range, OutputStream out, CachedPage[] opened)
            throws IOException {
        String path = resolved.path();
        int pageSize = cache.pageSize();
        long firstPage = range.start() / pageSize;
        long lastPage = (range.end() - 1) / pageSize;
        long page = firstPage;
        while (page <= lastPage) {
            Optional<CachedPage> cached = opened != null
                    ? Optional.ofNullable(opened[(int) (page - firstPage)])
                    : cache.get(path, version, page);
            if (cached.isPresent()) {
                try (CachedPage hit = cached.get()) {
                    long pageStart = page * pageSize;
                    long from = Math.max(range.start(), pageStart) - pageStart;
                    long to = Math.min(range.end(), pageStart + hit.length()) - pageStart;
                    hit.transferTo(from, to - from, out);
                    bytesFromCache.mark(to - from);
                }
                page++;
                continue;
            }
            long runEnd = page + 1;
            while (runEnd <= lastPage
                    && (opened != null
                            ? opened[(int) (runEnd - firstPage)] == null
                            : !cache.contains(path, version, runEnd))) {
                runEnd++;
            }
            sendFromUfs(resolved, ufs, version, range, page, runEnd, out);
            page = runEnd;
        }
    }

    /** Pages {@code [first, end)} from the UFS in one ranged read: each sent, then offered to the cache. */
    private void sendFromUfs(
            ResolvedPath resolved,
            Ufs ufs,
            FileVersion version,
            ByteRange range,
            long first,
            long end,
            OutputStream out)
            throws IOException {
        int pageSize = cache.pageSize();
        long runStart = first * pageSize;
        long runEnd = Math.min(version.length(), end * pageSize);
        InputStream in;
        try {
            in = ufs.read(resolved.ufsPath(), runStart, runEnd - runStart);
        } catch (UfsException e) {
            statuses.forget(resolved.path());
            throw resolved.failure(e);
        }
        try (in) {
            for (long page = first; page < end; page++) {
                int length = version.pageLength(pageSize, page);
                byte[] data = new byte[length];
                readFully(in, data, resolved);
                long pageStart = page * pageSize;
                int from = (int) (Math.max(range.start(), pageStart) - pageStart);
                int to = (int) (Math.min(range.end(), pageStart + length) - pageStart);
                out.write(data, from, to - from);
                bytesFromUfs.mark(to - from);
                offer(resolved.path(), version, page, data);
            }
        }
    }

    private void readFully(InputStream in, byte[] data, ResolvedPath resolved) throws IOException {
        int filled = 0;
        while (filled < data.length) {
            int read = in.read(data, filled, data.length - filled);
            if (read < 0) {
                // the file is shorter than its status said: it changed under us
                statuses.forget(resolved.path());
                throw new EOFException(resolved.ufsUri() + " ended early: it changed while being read");
            }
            filled += read;
        }
    }

    private void offer(String path, FileVersion version, long page, byte[] data) {
        try {
            writer.execute(() -> {
                try {
                    cache.put(path, version, page, data, data.length);
                } catch (RuntimeException e) {
                    LOG.warn("Cannot cache page {} of {}: {}", page, path, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            writesDropped.inc();
        }
    }

    /** A strong validator: the UFS fingerprint when it has one, else length and modification time. */
    static String etag(FileVersion version) {
        String basis = version.fingerprint()
                .orElseGet(() -> version.length() + "-"
                        + version.lastModified()
                                .map(time -> time.toEpochMilli() + "." + time.getNano())
                                .orElse(""));
        String clean = basis.replace("\"", "");
        if (clean.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "\"" + clean + "\"";
        }
        return "\"" + HexFormat.of().formatHex(clean.getBytes(StandardCharsets.UTF_8)) + "\"";
    }
}
