package io.strata.ufs.s3.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ufs.UfsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mount options of an S3 mount, with the reference's names. Without keys, the SDK's default
 * credential chain is used (environment, profile, container or instance role).
 *
 * @param endpoint {@code s3a.endpoint}: an S3-compatible store ({@code http(s)://host[:port]});
 *     empty for AWS
 * @param region {@code s3a.region}; {@code us-east-1} when not given
 * @param pathStyleAccess {@code s3a.pathStyleAccess}: bucket in the path instead of the host name
 */
record S3Options(
        Optional<String> accessKeyId,
        Optional<String> secretKey,
        Optional<URI> endpoint,
        String region,
        boolean pathStyleAccess) {
    static final String ACCESS_KEY_ID = "s3a.accessKeyId";
    static final String SECRET_KEY = "s3a.secretKey";
    static final String ENDPOINT = "s3a.endpoint";
    static final String REGION = "s3a.region";
    static final String PATH_STYLE_ACCESS = "s3a.pathStyleAccess";
    static final Set<String> NAMES = Set.of(ACCESS_KEY_ID, SECRET_KEY, ENDPOINT, REGION, PATH_STYLE_ACCESS);
    static final String DEFAULT_REGION = "us-east-1";

    S3Options {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretKey, "secretKey is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(region, "region is null");
    }

    /** Never shows the keys. */
    @Override
    public String toString() {
        return "S3Options[credentials=" + (accessKeyId.isPresent() ? "keys" : "default chain") + ", endpoint="
                + endpoint.map(URI::toString).orElse("AWS") + ", region=" + region + ", pathStyleAccess="
                + pathStyleAccess + "]";
    }

    /**
     * @throws UfsException {@code INVALID_CONFIGURATION} naming the faulty option (never a secret's value)
     */
    static S3Options parse(Map<String, String> options) throws UfsException {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(NAMES);
        if (!unknown.isEmpty()) {
            throw invalid("unknown option(s) " + String.join(", ", unknown) + "; the options are "
                    + String.join(", ", new TreeSet<>(NAMES)));
        }
        Optional<String> accessKeyId = value(options, ACCESS_KEY_ID);
        Optional<String> secretKey = value(options, SECRET_KEY);
        if (accessKeyId.isPresent() != secretKey.isPresent()) {
            throw invalid(ACCESS_KEY_ID + " and " + SECRET_KEY + " go together: give both or neither");
        }
        Optional<URI> endpoint = Optional.empty();
        Optional<String> endpointValue = value(options, ENDPOINT);
        if (endpointValue.isPresent()) {
            String text = endpointValue.get();
            if (!text.contains("://")) {
                text = "https://" + text;
            }
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    throw invalid(ENDPOINT + " must be http(s)://host[:port]: " + endpointValue.get());
                }
                endpoint = Optional.of(uri);
            } catch (URISyntaxException e) {
                throw invalid(ENDPOINT + " is not a URL: " + endpointValue.get());
            }
        }
        String region = value(options, REGION).orElse(DEFAULT_REGION);
        boolean pathStyle = false;
        Optional<String> pathStyleValue = value(options, PATH_STYLE_ACCESS);
        if (pathStyleValue.isPresent()) {
            String text = pathStyleValue.get().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                throw invalid(PATH_STYLE_ACCESS + " must be true or false: " + pathStyleValue.get());
            }
            pathStyle = text.equals("true");
        }
        return new S3Options(accessKeyId, secretKey, endpoint, region, pathStyle);
    }

    private static Optional<String> value(Map<String, String> options, String name) {
        return Optional.ofNullable(options.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static UfsException invalid(String message) {
        return new UfsException(UfsException.Kind.INVALID_CONFIGURATION, message);
    }
}
