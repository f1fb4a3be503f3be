package io.strata.spi.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class whose errors use the meta-service envelope
 * {@code {"code": "<kind>", "msg": "<message>"}} instead of {@code {"status": "<message>"}}. The
 * kernel's single exception mapper reads it from the matched resource.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MetaServiceEnvelope {}
