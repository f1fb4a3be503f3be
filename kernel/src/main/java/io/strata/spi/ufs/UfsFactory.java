package io.strata.spi.ufs;

import java.net.URI;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates connectors for the URI schemes of one kind of store. A plugin bundle registers it as a
 * service with the property {@value #SCHEME_PROPERTY} naming its schemes (lowercase; a
 * {@code String} or {@code String[]}), for example
 * {@code @Component(property = {"strata.ufs.scheme=s3", "strata.ufs.scheme=s3a"})}. Installing the
 * plugin makes its schemes mountable; removing it makes mounts of those schemes unavailable, and
 * every {@link Ufs} it created is closed.
 */
@ConsumerType
public interface UfsFactory {
    /** The service property naming the schemes a factory serves. */
    String SCHEME_PROPERTY = "strata.ufs.scheme";

    /**
     * A connector rooted at {@code root}. It must not contact the store (that is
     * {@link Ufs#checkReachable()}'s job) and must not keep or log secret options in clear.
     *
     * @param root the UFS URI of the mount, with one of this factory's schemes and a path ending in
     *     {@code /}
     * @param options the mount's options, as given by the user (credentials, endpoint, ...)
     * @throws UfsException {@link UfsException.Kind#INVALID_CONFIGURATION} when the URI or an
     *     option is not acceptable, naming the offending one (never its secret value)
     */
    Ufs create(URI root, Map<String, String> options, UfsContext context) throws UfsException;
}
