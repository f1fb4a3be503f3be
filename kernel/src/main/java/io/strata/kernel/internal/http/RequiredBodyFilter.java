package io.strata.kernel.internal.http;

import io.strata.spi.StrataException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * A method that takes a JSON body (a parameter without JAX-RS annotations, other than a raw
 * stream, reader, string or bytes) gets a 400 when the request has none, instead of a
 * {@code null} argument. One instance per application generation, so its per-method answers
 * (reflection that would otherwise run on every request) go away with the generation.
 */
final class RequiredBodyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            throw StrataException.invalidArgument("Request body is required");
        }
    }

    /** Whether {@code method} takes a JSON body: the methods this filter is bound to ({@link KernelFilters}). */
    static boolean takesJsonBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            if (isJaxRsAnnotated(parameter.getAnnotations())
                    || type == InputStream.class
                    || type == Reader.class
                    || type == String.class
                    || type == byte[].class) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean isJaxRsAnnotated(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs")) {
                return true;
            }
        }
        return false;
    }
}
