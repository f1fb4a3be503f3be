package io.strata.cache.spi;

/** Service properties shared by the policy services of this package. */
public final class CachePolicies {
    /**
     * A service property a rank or expiry policy changes (for example a counter it increments)
     * when its answers change, so the engine asks it again for every cached file.
     */
    public static final String GENERATION = "strata.cache.policy.generation";

    private CachePolicies() {}
}
