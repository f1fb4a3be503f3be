package io.strata.meta.service.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads request bodies the way the reference's protobuf JSON parser does, and writes the compact
 * protobuf JSON the reference puts into some messages and into its stored values. This mapper is
 * the bundle's own because it reads raw bodies and ZooKeeper records; HTTP answers are rendered by
 * the kernel's mapper.
 */
final class ProtoJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // the reference retries a failed strict parse ignoring unknown fields
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

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
