package io.strata.spi.ufs;

import org.osgi.annotation.versioning.ProviderType;

/** What Strata tells a connector about the mount it is created for. Implemented by Strata, not by plugins. */
@ProviderType
public interface UfsContext {
    /**
     * The Strata path the connector is mounted at ({@code /data}), for log messages and metric
     * names; empty while a mount is being checked before it is created.
     */
    String mountPath();
}
