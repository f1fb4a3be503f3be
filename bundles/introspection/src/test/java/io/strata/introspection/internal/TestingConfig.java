package io.strata.introspection.internal;

import java.lang.annotation.Annotation;

/** An {@link IntrospectionConfig} with the given values, as SCR would hand it to the component. */
record TestingConfig(int pprof_max_seconds, boolean pprof_heap_sampling_enabled) implements IntrospectionConfig {
    static TestingConfig defaults() {
        return new TestingConfig(300, true);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return IntrospectionConfig.class;
    }
}
