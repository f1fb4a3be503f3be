package io.strata.kernel.internal.http;

import io.strata.spi.StrataException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;

/**
 * Enum query and path parameters, case-insensitive; an unknown value is a 400 that lists the
 * allowed ones. The parameter name is added by {@link ErrorMapper} from Jersey's {@code ParamException}.
 */
public final class EnumParamConverters implements ParamConverterProvider {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return (ParamConverter<T>) new EnumConverter(rawType, parameterName(annotations));
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof jakarta.ws.rs.QueryParam query) {
                return query.value();
            }
            if (annotation instanceof jakarta.ws.rs.PathParam path) {
                return path.value();
            }
        }
        return "value";
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String name) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
            throw StrataException.invalidArgument(name + " must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                            .toList());
        }

        @Override
        public String toString(E value) {
            return value.name();
        }
    }
}
