package io.strata.example.hello.internal;

import io.strata.spi.config.Mutable;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Example hello bundle")
public @interface HelloConfig {
    @Mutable
    @AttributeDefinition(description = "Text added after the greeting; can be changed at runtime.")
    String greeting_suffix() default "!";
}
