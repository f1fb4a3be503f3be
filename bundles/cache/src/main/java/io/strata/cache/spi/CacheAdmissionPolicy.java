package io.strata.cache.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides whether a page may be cached, for example quota ({@code NO_CACHE} once a directory is
 * over its quota) or priority (a page of lower rank than everything cached is not cached when the
 * cache is full). A page is cached only when every registered policy admits it.
 *
 * <p>Called on the caller's thread for every page stored, so it must be quick and must not block;
 * an exception counts as a refusal and is logged.
 */
@ConsumerType
public interface CacheAdmissionPolicy {
    /** Whether the page may be cached. */
    boolean admit(AdmissionRequest request);
}
