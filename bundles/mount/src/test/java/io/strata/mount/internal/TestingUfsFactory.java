package io.strata.mount.internal;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsContext;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsFactory;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsStatus;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A connector for the scheme {@code testing} that takes any options, for the cases a real store
 * cannot be made to produce on demand: {@code testing.fail=<message>} fails the reachability check,
 * {@code testing.hang=true} makes it wait until interrupted. It holds one empty directory.
 */
final class TestingUfsFactory implements UfsFactory {
    static final String SCHEME = "testing";

    final CountDownLatch hanging = new CountDownLatch(1);

    @Override
    public Ufs create(URI root, Map<String, String> options, UfsContext context) throws UfsException {
        if (options.containsKey("testing.invalid")) {
            throw new UfsException(UfsException.Kind.INVALID_CONFIGURATION, "option testing.invalid is invalid");
        }
        return new TestingUfs(root, Map.copyOf(options));
    }

    private final class TestingUfs implements Ufs {
        private final URI root;
        private final Map<String, String> options;

        TestingUfs(URI root, Map<String, String> options) {
            this.root = root;
            this.options = options;
        }

        @Override
        public URI root() {
            return root;
        }

        @Override
        public UfsStatus status(String path) throws UfsException {
            if (!path.isEmpty()) {
                throw new UfsException(UfsException.Kind.NOT_FOUND, "no " + path);
            }
            return UfsStatus.directory("", Optional.empty());
        }

        @Override
        public boolean exists(String path) {
            return path.isEmpty();
        }

        @Override
        public UfsListing list(String path, Optional<String> marker, int limit) throws UfsException {
            status(path);
            return new UfsListing(List.of(), Optional.empty());
        }

        @Override
        public InputStream read(String path, long offset, long length) throws UfsException {
            throw new UfsException(UfsException.Kind.INVALID_ARGUMENT, "is a directory");
        }

        @Override
        public void checkReachable() throws UfsException {
            if (options.containsKey("testing.fail")) {
                throw new UfsException(UfsException.Kind.UNAVAILABLE, options.get("testing.fail"));
            }
            if (options.containsKey("testing.hang")) {
                hanging.countDown();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UfsException(UfsException.Kind.TRANSIENT, "interrupted");
                }
            }
        }

        @Override
        public void close() {}
    }
}
