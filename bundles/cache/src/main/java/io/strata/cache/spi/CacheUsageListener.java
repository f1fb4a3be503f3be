package io.strata.cache.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told how many bytes are cached under path prefixes, for example by quota to track usage per
 * directory. The prefixes are the service property {@value #PREFIXES} (a string or an array of
 * strings, each a Strata directory path; {@code /a/b} covers {@code /a/b} and everything under it,
 * {@code /} covers everything).
 *
 * <p>When the listener is registered (or its prefixes change) it is told the current total of each
 * prefix; then, whenever a total changes, the new total. Calls come on one engine thread, in order,
 * and are coalesced: a listener may see only the latest of several quick changes. It must not
 * block; an exception is logged.
 */
@ConsumerType
public interface CacheUsageListener {
    /** The service property naming the prefixes. */
    String PREFIXES = "strata.cache.usage.prefixes";

    /** {@code bytes} of page data are cached now under {@code prefix} (as given in {@value #PREFIXES}). */
    void usageChanged(String prefix, long bytes);
}
