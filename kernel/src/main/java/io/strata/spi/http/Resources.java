package io.strata.spi.http;

/**
 * Service property names of the OSGi Jakarta RESTful Web Services Whiteboard 2.0 that the kernel
 * honours. Prefer the standard {@code @JakartarsResource} / {@code @JakartarsExtension} component
 * property types; these constants are for code that registers services by hand.
 */
public final class Resources {
    /** {@code true} on a service that is a root resource object. */
    public static final String RESOURCE = "osgi.jakartars.resource";
    /** {@code true} on a service that is a provider (filter, mapper, reader, writer). */
    public static final String EXTENSION = "osgi.jakartars.extension";

    private Resources() {}
}
