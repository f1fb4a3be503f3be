package io.strata.it;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server (S3Proxy, in memory) on 127.0.0.1 for one test class, and a client of it. */
final class TestingS3 implements AutoCloseable {
    static final String ACCESS_KEY = "it-access-key-id";
    static final String SECRET_KEY = "it-secret-value-42";

    private final S3ProxyJunitCore server;
    private final S3Client client;

    TestingS3() throws Exception {
        server = new S3ProxyJunitCore.Builder()
                .withCredentials(ACCESS_KEY, SECRET_KEY)
                .withBlobStoreProvider("transient")
                .build();
        server.beforeEach();
        client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(server.getUri())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    URI uri() {
        return server.getUri();
    }

    void createBucket(String bucket) {
        client.createBucket(request -> request.bucket(bucket));
    }

    void put(String bucket, String key, byte[] content) {
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** The options that mount a bucket of this server: its keys, endpoint, path-style access. */
    Map<String, String> mountOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("s3a.accessKeyId", ACCESS_KEY);
        options.put("s3a.secretKey", SECRET_KEY);
        options.put("s3a.endpoint", server.getUri().toString());
        options.put("s3a.pathStyleAccess", "true");
        options.put("s3a.region", "us-east-1");
        return options;
    }

    @Override
    public void close() {
        client.close();
        server.afterEach();
    }
}
