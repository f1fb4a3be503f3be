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
import io.strata.spi.metrics.MetricNames;
import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 */
@Component(service = FileReader.class, configurationPid = "strata.read")
@Designate(ocd = ReadConfig.class)
public final class FileReader {
    private static final Logger LOG = LoggerFactory.getLogger(FileReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

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
     * range, 416 for a range past the end (headers only when {@code body} is false, for HEAD).
     *
     * @throws StrataException 404 for a missing file, 400 for a directory or a path under no mount,
     *     before anything is written
     */
    public void serve(String path, Optional<String> rangeHeader, boolean body, HttpServletResponse response)
            throws IOException {
        if (path == null || path.isEmpty()) {
            throw StrataException.invalidArgument("Required parameters not provided: path");
        }
        serve(mounts.resolve(path), rangeHeader, body, response);
    }

    /** {@link #serve(String, Optional, boolean, HttpServletResponse)} of a path already resolved. */
    public void serve(ResolvedPath resolved, Optional<String> rangeHeader, boolean body, HttpServletResponse response)
            throws IOException {
        Ufs ufs = mounts.ufs(resolved.mount());
        UfsStatus status;
        try {
            status = statuses.status(resolved.path(), () -> ufs.status(resolved.ufsPath()));
        } catch (UfsException e) {
            throw resolved.failure(e);
        }
        if (status.directory()) {
            throw StrataException.invalidArgument(resolved.path() + " is a directory; only files can be read");
        }
        FileVersion version = FileVersion.of(status);
        String etag = etag(version);
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
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
        CacheOutcome outcome = outcome(resolved.path(), version, range);
        requests.get(outcome).mark();
        response.setStatus(range.partial() ? 206 : 200);
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(range.length());
        response.setHeader(CacheOutcome.HEADER, outcome.name());
        if (status.lastModified().isPresent()) {
            response.setHeader(
                    "Last-Modified", HTTP_DATE.format(status.lastModified().get()));
        }
        if (range.partial()) {
            response.setHeader(
                    "Content-Range", "bytes " + range.start() + "-" + (range.end() - 1) + "/" + version.length());
        }
        if (body && range.length() > 0) {
            send(resolved, ufs, version, range, response.getOutputStream());
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

    private void send(ResolvedPath resolved, Ufs ufs, FileVersion version, ByteRange range, OutputStream out)
            throws IOException {
        String path = resolved.path();
        int pageSize = cache.pageSize();
        long lastPage = (range.end() - 1) / pageSize;
        long page = range.start() / pageSize;
        while (page <= lastPage) {
            Optional<CachedPage> cached = cache.get(path, version, page);
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
            while (runEnd <= lastPage && !cache.contains(path, version, runEnd)) {
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
