package io.strata.kernel.internal.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The kernel's JSON settings, in one place. Each application generation gets a fresh mapper with a
 * type cache of its own, so classes of an uninstalled bundle are not kept alive by Jackson's shared
 * static cache.
 */
public final class JsonMappers {
    private JsonMappers() {}

    public static ObjectMapper create() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                // clients of the reference systems send fields we do not know: accept and ignore them
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        mapper.setTypeFactory(TypeFactory.defaultInstance().withCache(new LRUMap<Object, JavaType>(16, 1000)));
        return mapper;
    }
}
