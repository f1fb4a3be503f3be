package io.strata.ufs.hdfs.internal;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsContext;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsFactory;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.util.VersionInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors for {@code hdfs://<namenode host:port or nameservice>/<path>/} on the Hadoop client
 * embedded in the plugin. Each mount gets a Hadoop configuration of its own: Hadoop's defaults,
 * Strata's connection defaults ({@link #CONNECTION_DEFAULTS}), the mount's configuration files, then
 * its pass-through Hadoop keys.
 */
@Component(service = UfsFactory.class, property = UfsFactory.SCHEME_PROPERTY + "=hdfs")
public final class HdfsUfsFactory implements UfsFactory {
    /**
     * Hadoop's IPC defaults retry a refused connection 10 times a second apart and a connect
     * timeout 45 times 20 s apart, so an unreachable NameNode would hold every request for seconds
     * to minutes. These answer in about two seconds; files and options can set them back.
     */
    static final Map<String, String> CONNECTION_DEFAULTS = Map.of(
            "ipc.client.connect.max.retries", "3",
            "ipc.client.connect.retry.interval", "500",
            "ipc.client.connect.timeout", "10000",
            "ipc.client.connect.max.retries.on.timeouts", "3");

    private static final Logger LOG = LoggerFactory.getLogger(HdfsUfsFactory.class);
    private static final Duration THREAD_STOP_TIMEOUT = Duration.ofSeconds(2);

    private final HadoopLoader loader = new HadoopLoader(HdfsUfsFactory.class.getClassLoader());

    @Activate
    public HdfsUfsFactory() {
        LOG.info("-- UFS connector for hdfs:// available (Hadoop client {}) --", loader.call(VersionInfo::getVersion));
    }

    @Deactivate
    void deactivate() {
        List<Thread> alive = loader.stopThreads(THREAD_STOP_TIMEOUT);
        if (!alive.isEmpty()) {
            LOG.debug(
                    "Threads that ran Hadoop code go on (context class loader reset): {}",
                    alive.stream().map(Thread::getName).toList());
        }
        LOG.info("-- UFS connector for hdfs:// removed --");
    }

    /** The loader Hadoop runs with (for tests). */
    HadoopLoader loader() {
        return loader;
    }

    @Override
    public Ufs create(URI root, Map<String, String> options, UfsContext context) throws UfsException {
        return create(root, options, false);
    }

    /** As {@link #create(URI, Map, UfsContext)}; {@code scanListing} lists through Hadoop's generic iterator. */
    HdfsUfs create(URI root, Map<String, String> options, boolean scanListing) throws UfsException {
        String scheme = root.getScheme() == null ? "" : root.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("hdfs")) {
            throw invalid(root, "the scheme is not hdfs");
        }
        if (root.isOpaque()
                || root.getRawAuthority() == null
                || root.getRawAuthority().isEmpty()) {
            throw invalid(root, "write hdfs://<namenode host:port or nameservice>/<path>/");
        }
        if (root.getRawUserInfo() != null) {
            throw invalid(root, "an HDFS URI takes no user (use the option " + HdfsOptions.USER + ")");
        }
        if (root.getRawQuery() != null || root.getRawFragment() != null) {
            throw invalid(root, "an HDFS URI takes no query or fragment");
        }
        String path = root.getPath() == null || root.getPath().isEmpty() ? "/" : root.getPath();
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid(root, "the path has . or .. segments");
            }
        }
        if (path.contains("//")) {
            throw invalid(root, "the path has an empty segment");
        }
        HdfsOptions parsed = HdfsOptions.parse(options);
        Configuration configuration = loader.call(() -> configuration(parsed));
        return new HdfsUfs(root, parsed, configuration, loader, scanListing);
    }

    /** Runs with the Hadoop loader as context loader. */
    private Configuration configuration(HdfsOptions options) throws UfsException {
        for (Path file : options.configurationFiles()) {
            // each file on its own first, so that a broken one is named
            Configuration probe = new Configuration(false);
            probe.setClassLoader(loader);
            probe.addResource(url(file));
            try {
                probe.size();
            } catch (RuntimeException e) {
                throw new UfsException(
                        UfsException.Kind.INVALID_CONFIGURATION,
                        "Cannot read the Hadoop configuration file " + file + ": " + rootMessage(e));
            }
        }
        Configuration configuration = new Configuration();
        configuration.setClassLoader(loader);
        CONNECTION_DEFAULTS.forEach(configuration::set);
        for (Path file : options.configurationFiles()) {
            configuration.addResource(url(file));
        }
        options.hadoopProperties().forEach(configuration::set);
        if (configuration.get("fs.hdfs.impl") == null) {
            configuration.set("fs.hdfs.impl", DistributedFileSystem.class.getName());
        }
        // one client per mount, closed with the mount: never Hadoop's process-wide cache, where
        // closing one mount would close the client of another
        configuration.setBoolean("fs.hdfs.impl.disable.cache", true);
        try {
            configuration.size();
        } catch (RuntimeException e) {
            throw new UfsException(
                    UfsException.Kind.INVALID_CONFIGURATION, "Invalid Hadoop configuration: " + rootMessage(e));
        }
        return configuration;
    }

    private static java.net.URL url(Path file) throws UfsException {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UfsException(UfsException.Kind.INVALID_CONFIGURATION, "Not a file name: " + file);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static UfsException invalid(URI root, String why) {
        return new UfsException(UfsException.Kind.INVALID_CONFIGURATION, "Invalid UFS URI " + root + ": " + why);
    }
}
