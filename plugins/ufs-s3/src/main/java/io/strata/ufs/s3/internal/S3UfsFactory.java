package io.strata.ufs.s3.internal;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsContext;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsFactory;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors for {@code s3://bucket/prefix/} and {@code s3a://bucket/prefix/}: AWS S3 and
 * S3-compatible stores (MinIO, OSS, COS, TOS, BOS, GCS interop, ...) through {@code s3a.endpoint}.
 */
@Component(
        service = UfsFactory.class,
        property = {UfsFactory.SCHEME_PROPERTY + "=s3", UfsFactory.SCHEME_PROPERTY + "=s3a"})
public final class S3UfsFactory implements UfsFactory {
    private static final Logger LOG = LoggerFactory.getLogger(S3UfsFactory.class);

    @Activate
    public S3UfsFactory() {
        LOG.info("-- UFS connector for s3:// and s3a:// available --");
    }

    @Deactivate
    void deactivate() {
        LOG.info("-- UFS connector for s3:// and s3a:// removed --");
    }

    @Override
    public Ufs create(URI root, Map<String, String> options, UfsContext context) throws UfsException {
        String scheme = root.getScheme() == null ? "" : root.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("s3") && !scheme.equals("s3a")) {
            throw invalid(root, "the scheme is not s3 or s3a");
        }
        String bucket = root.getHost() != null ? root.getHost() : root.getAuthority();
        if (bucket == null || bucket.isEmpty() || root.getUserInfo() != null || root.getPort() != -1) {
            throw invalid(root, "write s3://<bucket>/<prefix>/");
        }
        if (root.getRawQuery() != null || root.getRawFragment() != null) {
            throw invalid(root, "an S3 URI takes no query or fragment");
        }
        String path = root.getPath() == null ? "" : root.getPath();
        String prefix = path.replaceFirst("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        S3Options parsed = S3Options.parse(options);
        return new S3Ufs(root, bucket, prefix, parsed);
    }

    private static UfsException invalid(URI root, String why) {
        return new UfsException(UfsException.Kind.INVALID_CONFIGURATION, "Invalid UFS URI " + root + ": " + why);
    }
}
