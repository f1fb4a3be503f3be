package io.strata.introspection.internal;

import io.strata.spi.config.Mutable;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code strata.introspection}: limits and switches of the {@code /pprof} calls. */
@ObjectClassDefinition(
        name = "Introspection",
        description = "HTTP introspection: /config, /metrics and /pprof on every node.")
public @interface IntrospectionConfig {
    String PID = "strata.introspection";

    @Mutable
    @AttributeDefinition(
            description =
                    "Longest window /pprof/profile and /pprof/heap record, in seconds; a longer 'seconds' is refused with 400. Can be changed at runtime.",
            min = "1")
    int pprof_max_seconds() default 300;

    @Mutable
    @AttributeDefinition(
            description =
                    "Keep sampling allocations in the background (JFR old-object and allocation samples, low overhead) for /pprof/heap stacks "
                            + "and /pprof/growth; when false, /pprof/growth answers 501 and /pprof/heap shows classes without stacks. Can be changed at runtime.")
    boolean pprof_heap_sampling_enabled() default true;
}
