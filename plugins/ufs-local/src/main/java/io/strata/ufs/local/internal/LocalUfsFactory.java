package io.strata.ufs.local.internal;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsContext;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsFactory;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors for {@code file:///<absolute folder>}: a local folder or a NAS share mounted on the
 * node. There are no options; an unknown one is refused so that a typo does not go unnoticed.
 */
@Component(service = UfsFactory.class, property = UfsFactory.SCHEME_PROPERTY + "=" + LocalUfsFactory.SCHEME)
public final class LocalUfsFactory implements UfsFactory {
    static final String SCHEME = "file";

    private static final Logger LOG = LoggerFactory.getLogger(LocalUfsFactory.class);

    @Activate
    public LocalUfsFactory() {
        LOG.info("-- UFS connector for {}:// available --", SCHEME);
    }

    @Deactivate
    void deactivate() {
        LOG.info("-- UFS connector for {}:// removed --", SCHEME);
    }

    @Override
    public Ufs create(URI root, Map<String, String> options, UfsContext context) throws UfsException {
        if (!options.isEmpty()) {
            throw new UfsException(
                    UfsException.Kind.INVALID_CONFIGURATION,
                    "file:// mounts take no options; unknown: " + String.join(", ", new TreeSet<>(options.keySet())));
        }
        return new LocalUfs(root, folder(root));
    }

    static Path folder(URI root) throws UfsException {
        if (!SCHEME.equalsIgnoreCase(root.getScheme())) {
            throw invalid(root, "the scheme is not file");
        }
        if (root.isOpaque()
                || root.getRawAuthority() != null && !root.getRawAuthority().isEmpty()) {
            throw invalid(root, "a file URI takes no host; write file:///<absolute folder>");
        }
        if (root.getRawQuery() != null || root.getRawFragment() != null) {
            throw invalid(root, "a file URI takes no query or fragment");
        }
        String path = root.getPath();
        if (path == null || !path.startsWith("/")) {
            throw invalid(root, "the folder must be an absolute path");
        }
        try {
            return Path.of(URI.create(SCHEME + "://" + root.getRawPath())).normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw invalid(root, e.getMessage());
        }
    }

    private static UfsException invalid(URI root, String why) {
        return new UfsException(UfsException.Kind.INVALID_CONFIGURATION, "Invalid UFS URI " + root + ": " + why);
    }
}
