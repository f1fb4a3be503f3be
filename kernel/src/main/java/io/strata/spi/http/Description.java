package io.strata.spi.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The line {@code GET /} shows for a resource method, in the reference's form: parameters first,
 * then a sentence, e.g. {@code "name=<config_name>. Gets the details of a specified config."}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Description {
    String value();
}
