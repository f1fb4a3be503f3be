package io.strata.meta.service.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads request bodies the way the reference's protobuf JSON parser does, and writes the compact
 * protobuf JSON the reference puts into some messages and into its stored values. This mapper is
 * the bundle's own because it reads raw bodies and ZooKeeper records; HTTP answers are rendered by
 * the kernel's mapper.
 */
final class ProtoJson {
    /**
     * The parts of a record a change usually leaves alone, kept as the same objects from one version
     * to the next (nodes, the other clusters, vaults and object-store infos, whose stored ciphertexts
     * are reused): their JSON is cached.
     */
    private static final Set<Class<?>> CACHED =
            Set.of(Proto.NodeInfo.class, Proto.Cluster.class, Proto.ObjectStoreInfo.class, Proto.StorageVault.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // the reference retries a failed strict parse ignoring unknown fields
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addModule(new SimpleModule("meta-service-node-json").setSerializerModifier(new BeanSerializerModifier() {
                @Override
                public JsonSerializer<?> modifySerializer(
                        SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
                    Class<?> type = description.getBeanClass();
                    return CACHED.contains(type) ? new CachedJsonSerializer<>(type, serializer) : serializer;
                }
            }))
            .build();

    /**
     * Writes a value's compact JSON from a cache keyed by the value's identity (an immutable record),
     * weakly, so an entry lives as long as the record it was made for. A record is kept in ZooKeeper
     * as one document per instance, rewritten whole on every change; the view keeps the records it
     * wrote and read, and a change keeps the nodes it leaves alone (all but one, for add_node), so
     * those are copied as bytes instead of being serialized field by field again. Identity rather
     * than equality: a record's hashCode and equals walk every field, which cost as much as
     * writing it.
     *
     * <p>A value is cached the second time it is written, not the first: the first time it is
     * written straight into the document (and only marked as seen), because most values written
     * once are never written again (the cluster add_node changes, which holds every node's JSON,
     * is replaced by the next add_node; the vault of a new instance is written again only when the
     * instance changes). Caching them cost a generator of their own, a copy of their JSON, and memory
     * held as long as they live.
     */
    private static final class CachedJsonSerializer<T> extends StdSerializer<T>
            implements ContextualSerializer, ResolvableSerializer {
        private final JsonSerializer<Object> serializer;
        private final IdentityCache cache;

        @SuppressWarnings("unchecked")
        CachedJsonSerializer(Class<T> type, JsonSerializer<?> serializer) {
            this(type, (JsonSerializer<Object>) serializer, new IdentityCache());
        }

        private CachedJsonSerializer(Class<T> type, JsonSerializer<Object> serializer, IdentityCache cache) {
            super(type);
            this.serializer = serializer;
            this.cache = cache;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            SerializableString json = cache.get(value);
            if (json == null) {
                // first time: straight into the document
                serializer.serialize(value, generator, provider);
                cache.put(value, SEEN_ONCE);
                return;
            }
            if (json == SEEN_ONCE) {
                ByteArrayBuilder buffer = new ByteArrayBuilder(256);
                try (JsonGenerator nested = NESTED.createGenerator(buffer, JsonEncoding.UTF8)) {
                    serializer.serialize(value, nested, provider);
                }
                json = new RawJson(buffer.toByteArray());
                cache.put(value, json);
            }
            generator.writeRawValue(json);
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = provider.handlePrimaryContextualization(serializer, property);
            return contextual == serializer
                    ? this
                    : new CachedJsonSerializer<>(handledType(), (JsonSerializer<Object>) contextual, cache);
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (serializer instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }
    }

    /** The cache's mark of a value written once (its JSON is not kept). */
    static final SerializableString SEEN_ONCE = new SerializedString("");

    /**
     * The generators of cached values, which are made while the document's generator holds this
     * thread's buffers: buffers of their own pool, reused, rather than fresh ones each time.
     */
    private static final JsonFactory NESTED = MAPPER.getFactory()
            .rebuild()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
            .build();

    /**
     * JSON kept as its UTF-8 bytes, written raw (the document's generator copies the bytes); the
     * text is made only when a character generator asks for it.
     */
    static final class RawJson implements SerializableString {
        private final byte[] utf8;
        private volatile SerializedString text;

        RawJson(byte[] utf8) {
            this.utf8 = utf8;
        }

        private SerializedString text() {
            SerializedString made = text;
            if (made == null) {
                made = new SerializedString(new String(utf8, StandardCharsets.UTF_8));
                text = made;
            }
            return made;
        }

        @Override
        public String getValue() {
            return text().getValue();
        }

        @Override
        public int charLength() {
            return text().charLength();
        }

        @Override
        public char[] asQuotedChars() {
            return text().asQuotedChars();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            // shared, as SerializedString shares its bytes: generators only read them
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            return text().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return text().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return text().appendQuoted(buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return text().appendUnquoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return text().writeQuotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return text().putQuotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) throws IOException {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        @Override
        public String toString() {
            return getValue();
        }
    }

    /** A concurrent map from objects, by identity and weakly held, to their JSON. */
    static final class IdentityCache {
        private final Map<Object, SerializableString> entries = new ConcurrentHashMap<>();
        private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();

        /** A held key: the object weakly, its identity hash. */
        private static final class Key extends WeakReference<Object> {
            private final int hash;

            Key(Object referent, ReferenceQueue<Object> queue) {
                super(referent, queue);
                this.hash = System.identityHashCode(referent);
            }

            @Override
            public int hashCode() {
                return hash;
            }

            @Override
            public boolean equals(Object other) {
                if (this == other) {
                    return true;
                }
                Object referent = get();
                return referent != null
                        && (other instanceof Key key
                                ? key.get() == referent
                                : other instanceof Probe probe && probe.value == referent);
            }
        }

        /** A lookup key: the object strongly, for one lookup. */
        private record Probe(Object value) {
            @Override
            public int hashCode() {
                return System.identityHashCode(value);
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Key key
                        ? key.get() == value
                        : other instanceof Probe probe && probe.value == value;
            }
        }

        SerializableString get(Object value) {
            return entries.get(new Probe(value));
        }

        void put(Object value, SerializableString json) {
            for (Reference<?> stale = cleared.poll(); stale != null; stale = cleared.poll()) {
                entries.remove(stale);
            }
            entries.put(new Key(value, cleared), json);
        }

        int size() {
            return entries.size();
        }
    }

    private ProtoJson() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a request body into its message. On failure: {@code PROTOBUF_PARSE_ERR} (400) with
     * {@code parse http request '<path>': INVALID_ARGUMENT:<reason>}, {@code path} being the
     * unresolved path as called (with {@code v1/} when used).
     */
    static <T> T parseRequest(String path, byte[] body, Class<T> type) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw parseError(path, "Unexpected end of string. Expected a value.\n\n^");
        }
        try {
            if (text.strip().startsWith("{")) {
                // straight into the message; a lowerCamelCase field name sends it the long way below
                try {
                    return READERS.computeIfAbsent(
                                    type, key -> MAPPER.readerFor(key).withHandler(CAMEL_CASE_GUARD))
                            .readValue(text);
                } catch (JsonMappingException e) {
                    if (!camelCase(e)) {
                        throw e;
                    }
                } catch (CamelCaseFieldName e) {
                    // the long way
                }
            }
            JsonNode tree = MAPPER.readTree(text);
            if (!(tree instanceof ObjectNode object)) {
                throw parseError(path, "Root element must be a message.");
            }
            return MAPPER.treeToValue(hasCamelCaseKeys(object) ? snakeCaseKeys(object) : object, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw parseError(path, (field.isEmpty() ? "" : "(" + field + "): ") + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw parseError(path, e.getOriginalMessage());
        }
    }

    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

    /** Signals a field name that protobuf's parser would take as lowerCamelCase; no stack trace, it is no error. */
    private static final class CamelCaseFieldName extends RuntimeException {
        CamelCaseFieldName() {
            super("lowerCamelCase field name", null, false, false);
        }
    }

    /** Unknown fields are ignored, as the reference does; one with an upper-case letter may be a lowerCamelCase name. */
    private static final DeserializationProblemHandler CAMEL_CASE_GUARD = new DeserializationProblemHandler() {
        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            if (!propertyName.equals(snakeCase(propertyName))) {
                throw new CamelCaseFieldName();
            }
            parser.skipChildren();
            return true;
        }
    };

    private static boolean camelCase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CamelCaseFieldName) {
                return true;
            }
        }
        return false;
    }

    private static MetaServiceException parseError(String path, String reason) {
        return new MetaServiceException(
                MetaServiceCode.PROTOBUF_PARSE_ERR, "parse http request '" + path + "': INVALID_ARGUMENT:" + reason);
    }

    /** Whether some field name (not a map key) has an upper-case letter, so the tree needs {@link #snakeCaseKeys}. */
    private static boolean hasCamelCaseKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals(snakeCase(field.getKey()))
                        || (!field.getKey().equals("properties") && hasCamelCaseKeys(field.getValue()))) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasCamelCaseKeys(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Protobuf's JSON parser also accepts lowerCamelCase field names; map keys stay as they are. */
    private static JsonNode snakeCaseKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode renamed = MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = snakeCase(field.getKey());
                JsonNode value = name.equals("properties") ? field.getValue() : snakeCaseKeys(field.getValue());
                if (!renamed.has(name) || name.equals(field.getKey())) {
                    renamed.set(name, value);
                }
            }
            return renamed;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(snakeCaseKeys(element)));
            return MAPPER.createArrayNode().addAll(elements);
        }
        return node;
    }

    private static String snakeCase(String name) {
        if (name.chars().noneMatch(Character::isUpperCase)) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Compact protobuf JSON of a message, as {@code proto_to_json} writes it. */
    static String compact(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(byte[] data, Class<T> type) {
        try {
            return MAPPER.readValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
