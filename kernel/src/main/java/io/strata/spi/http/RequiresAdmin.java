package io.strata.spi.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) as an admin call: once
 * {@code strata.security.admin.token} is set, the kernel answers 401 without
 * {@code Authorization: Bearer <token>} and 403 with a wrong token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresAdmin {}
