package io.strata.spi.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an attribute of a bundle's configuration {@code @interface} as changeable at runtime
 * through {@link ConfigService#update}. The owning component must take the change in its
 * {@code @Modified} method. Keys without it are refused by {@code /updateConfig}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Mutable {}
