package io.strata.api.v1.nodes;

/**
 * How a worker served a file read, in the {@value #HEADER} response header: every requested page
 * from its cache ({@code HIT}), none ({@code MISS}), or some ({@code PARTIAL}).
 */
public enum CacheOutcome {
    HIT,
    MISS,
    PARTIAL;

    public static final String HEADER = "X-Strata-Cache";
}
