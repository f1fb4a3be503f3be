package io.strata.ufs.s3.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsPaths;
import io.strata.spi.ufs.UfsStatus;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket (or a prefix of one) as a UFS. Directories are common prefixes of {@code /}-separated
 * keys (and keys ending in {@code /}, as consoles create them). Listings are one
 * {@code ListObjectsV2} page each, with the continuation token as the marker. The SDK runs with its
 * own class loader as the context class loader, because it finds its parts through it.
 */
final class S3Ufs implements Ufs {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final URI root;
    private final String bucket;
    private final String prefix;
    private final S3Options options;
    private final S3Client client;
    private final AtomicBoolean closed = new AtomicBoolean();

    S3Ufs(URI root, String bucket, String prefix, S3Options options) {
        this.root = requireNonNull(root, "root is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.options = requireNonNull(options, "options is null");
        this.client = withSdkClassLoader(() -> buildClient(options));
    }

    private static S3Client buildClient(S3Options options) {
        AwsCredentialsProvider credentials = options.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        options.accessKeyId().get(), options.secretKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .region(Region.of(options.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(options.pathStyleAccess())
                // S3-compatible stores do not all know the newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        options.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public URI root() {
        return root;
    }

    @Override
    public UfsStatus status(String path) throws UfsException {
        check(path);
        if (path.isEmpty()) {
            return UfsStatus.directory("", Optional.empty());
        }
        Optional<HeadObjectResponse> object = head(prefix + path);
        if (object.isPresent()) {
            HeadObjectResponse head = object.get();
            return UfsStatus.file(path, head.contentLength(), head.lastModified(), Optional.ofNullable(head.eTag()));
        }
        if (isDirectory(path)) {
            return UfsStatus.directory(path, Optional.empty());
        }
        throw new UfsException(UfsException.Kind.NOT_FOUND, "No such object or prefix: " + describe(path));
    }

    @Override
    public UfsListing list(String path, Optional<String> marker, int limit) throws UfsException {
        check(path);
        requireNonNull(marker, "marker is null");
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw new UfsException(
                    UfsException.Kind.INVALID_ARGUMENT, "limit must be between 1 and " + MAX_LIST_LIMIT + ": " + limit);
        }
        String directory = path.isEmpty() ? prefix : prefix + path + "/";
        ListObjectsV2Response page = call(
                path,
                () -> client.listObjectsV2(request -> {
                    request.bucket(bucket).prefix(directory).delimiter("/").maxKeys(limit);
                    marker.ifPresent(request::continuationToken);
                }));
        List<UfsStatus> entries = new ArrayList<>();
        boolean directoryMarker = false;
        for (S3Object object : page.contents()) {
            if (object.key().equals(directory)) {
                directoryMarker = true;
                continue;
            }
            String name = object.key().substring(directory.length());
            if (valid(name)) {
                entries.add(UfsStatus.file(
                        UfsPaths.child(path, name),
                        object.size(),
                        object.lastModified(),
                        Optional.ofNullable(object.eTag())));
            }
        }
        for (CommonPrefix common : page.commonPrefixes()) {
            String name = common.prefix()
                    .substring(directory.length(), common.prefix().length() - 1);
            if (valid(name)) {
                entries.add(UfsStatus.directory(UfsPaths.child(path, name), Optional.empty()));
            }
        }
        entries.sort((left, right) -> UfsPaths.NAME_ORDER.compare(left.name(), right.name()));
        boolean more = Boolean.TRUE.equals(page.isTruncated()) && page.nextContinuationToken() != null;
        if (entries.isEmpty() && !more && !directoryMarker && marker.isEmpty() && !path.isEmpty()) {
            throw new UfsException(UfsException.Kind.NOT_FOUND, "No such prefix: " + describe(path));
        }
        return new UfsListing(entries, more ? Optional.of(page.nextContinuationToken()) : Optional.empty());
    }

    @Override
    public InputStream read(String path, long offset, long length) throws UfsException {
        check(path);
        UfsPaths.checkRange(offset, length);
        if (path.isEmpty()) {
            throw new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Is a directory: " + describe(path));
        }
        String key = prefix + path;
        if (length == 0) {
            if (head(key).isEmpty()) {
                throw new UfsException(UfsException.Kind.NOT_FOUND, "No such object: " + describe(path));
            }
            return InputStream.nullInputStream();
        }
        boolean toEnd = length == Long.MAX_VALUE || offset > Long.MAX_VALUE - length;
        String range = offset == 0 && toEnd ? null : "bytes=" + offset + "-" + (toEnd ? "" : offset + length - 1);
        try {
            ResponseInputStream<GetObjectResponse> stream = withSdkClassLoader(() -> client.getObject(request -> {
                request.bucket(bucket).key(key);
                if (range != null) {
                    request.range(range);
                }
            }));
            return new SdkInputStream(stream, path);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                // the range starts at or after the end of the object
                return new ByteArrayInputStream(new byte[0]);
            }
            throw failure(path, e);
        } catch (SdkException e) {
            throw failure(path, e);
        }
    }

    @Override
    public void checkReachable() throws UfsException {
        if (closed.get()) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, "The connector of " + root + " is closed");
        }
        try {
            withSdkClassLoader(() -> client.headBucket(request -> request.bucket(bucket)));
        } catch (S3Exception e) {
            switch (e.statusCode()) {
                case 404 ->
                    throw new UfsException(
                            UfsException.Kind.UNAVAILABLE, "Bucket " + bucket + " does not exist" + where());
                case 403 ->
                    throw new UfsException(
                            UfsException.Kind.PERMISSION_DENIED,
                            "Access to bucket " + bucket + " is denied" + where()
                                    + " (check s3a.accessKeyId and s3a.secretKey)");
                case 301, 307 ->
                    throw new UfsException(
                            UfsException.Kind.INVALID_CONFIGURATION,
                            "Bucket " + bucket + " is not in region " + options.region() + "; set s3a.region");
                default -> throw failure("", e);
            }
        } catch (SdkException e) {
            throw failure("", e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }

    private String where() {
        return options.endpoint().map(endpoint -> " at " + endpoint).orElse("");
    }

    private Optional<HeadObjectResponse> head(String key) throws UfsException {
        try {
            return Optional.of(withSdkClassLoader(
                    () -> client.headObject(request -> request.bucket(bucket).key(key))));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure(key.substring(prefix.length()), e);
        } catch (SdkException e) {
            throw failure(key.substring(prefix.length()), e);
        }
    }

    private boolean isDirectory(String path) throws UfsException {
        ListObjectsV2Response page = call(
                path,
                () -> client.listObjectsV2(request ->
                        request.bucket(bucket).prefix(prefix + path + "/").maxKeys(1)));
        return !page.contents().isEmpty();
    }

    private void check(String path) throws UfsException {
        requireNonNull(path, "path is null");
        if (closed.get()) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, "The connector of " + root + " is closed");
        }
        try {
            UfsPaths.checkRelative(path);
        } catch (IllegalArgumentException e) {
            boolean dotDot =
                    path.equals("..") || path.startsWith("../") || path.contains("/../") || path.endsWith("/..");
            throw new UfsException(
                    dotDot ? UfsException.Kind.PERMISSION_DENIED : UfsException.Kind.INVALID_ARGUMENT,
                    "Invalid path: " + path);
        }
    }

    /** Keys that cannot be a relative path ({@code a//b}, {@code .}) are not listed. */
    private static boolean valid(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/");
    }

    private String describe(String path) {
        return "s3://" + bucket + "/" + prefix + path;
    }

    private interface SdkCall<T> {
        T call();
    }

    private <T> T call(String path, SdkCall<T> call) throws UfsException {
        try {
            return withSdkClassLoader(call);
        } catch (SdkException e) {
            throw failure(path, e);
        }
    }

    private static <T> T withSdkClassLoader(SdkCall<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(S3Ufs.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private UfsException failure(String path, SdkException e) {
        if (e instanceof S3Exception s3) {
            String message =
                    s3.awsErrorDetails() != null && s3.awsErrorDetails().errorMessage() != null
                            ? s3.awsErrorDetails().errorMessage()
                            : "HTTP " + s3.statusCode();
            String what = describe(path) + ": " + message;
            return switch (s3.statusCode()) {
                case 404 -> new UfsException(UfsException.Kind.NOT_FOUND, "Not found: " + what, e);
                case 401, 403 -> new UfsException(UfsException.Kind.PERMISSION_DENIED, "Access denied: " + what, e);
                case 400 -> new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Refused: " + what, e);
                case 429, 500, 502, 503, 504 -> new UfsException(UfsException.Kind.TRANSIENT, "Failed: " + what, e);
                default -> new UfsException(UfsException.Kind.UNAVAILABLE, "Failed: " + what, e);
            };
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
            return new UfsException(
                    UfsException.Kind.INVALID_CONFIGURATION,
                    "No credentials for " + root + ": set s3a.accessKeyId and s3a.secretKey, or configure the"
                            + " default credential chain on every node",
                    e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return new UfsException(
                        UfsException.Kind.UNAVAILABLE,
                        "Cannot connect to "
                                + options.endpoint().map(URI::toString).orElse("S3") + ": " + cause,
                        e);
            }
        }
        return new UfsException(UfsException.Kind.TRANSIENT, "Request to " + describe(path) + " failed: " + message, e);
    }

    /** The object's bytes; SDK failures while reading become {@link UfsException}s. */
    private final class SdkInputStream extends FilterInputStream {
        private final String path;

        SdkInputStream(InputStream in, String path) {
            super(in);
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SdkException e) {
                throw failure(path, e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (SdkException e) {
                throw failure(path, e);
            }
        }
    }
}
