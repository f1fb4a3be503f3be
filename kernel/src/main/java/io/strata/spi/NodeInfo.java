package io.strata.spi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Facts about this node, provided by the kernel as a service. */
@ProviderType
public interface NodeInfo {
    /** {@code strata.cluster.name}. */
    String clusterName();

    /** The active roles, {@link Role#COORDINATOR} and/or {@link Role#WORKER}. */
    List<String> roles();

    /** The host name or address other nodes and clients reach this node's HTTP server at. */
    String httpHost();

    /** The port the HTTP server listens on (the real one when configured as 0). */
    int httpPort();

    /** This node's state folder ({@code strata.data.dir}, absolute); bundles keep their files in a subfolder named after their area. */
    Path dataDir();

    /** When this process started. */
    Instant startTime();

    /** The Strata version this node runs. */
    String version();

    /** The git commit the running build was made from, or {@code unknown}. */
    String gitCommit();
}
