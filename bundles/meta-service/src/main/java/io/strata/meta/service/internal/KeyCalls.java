package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.Support.isEmpty;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.meta.service.internal.Keys.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** decode_key, encode_key and get_value: the key codec's drawings and the stored values behind keys. */
final class KeyCalls {
    private final InstanceStore store;
    private final KvStore kv;

    KeyCalls(InstanceStore store, KvStore kv) {
        this.store = requireNonNull(store, "store is null");
        this.kv = requireNonNull(kv, "kv is null");
    }

    /** decode_key: the drawing of {@code key} (hex, echoed as given); {@code unicode=false} draws in ASCII. */
    String decodeKey(String key, String unicode) {
        if (isEmpty(key)) {
            throw MetaServiceException.invalid("no key to decode");
        }
        return KeyDrawing.draw(key, !"false".equals(unicode))
                .orElseThrow(() -> MetaServiceException.invalid("failed to decode key, key=" + key));
    }

    /** encode_key: the drawing of the key built from {@code key_type} and its parameters, then the key as {@code \x..}. */
    String encodeKey(Map<String, String> query) {
        String hex = KeyCodec.hex(encode(query));
        String drawing = KeyDrawing.draw(hex, !"false".equals(query.get("unicode")))
                .orElseThrow(() -> MetaServiceException.invalid("failed to decode encoded key, key=" + hex));
        return drawing + KeyCodec.escapedHex(hex) + "\n";
    }

    private static byte[] encode(Map<String, String> query) {
        String keyType = query.getOrDefault("key_type", "");
        KeyType type = KeyType.named(keyType).orElseThrow(() -> unsupported(keyType));
        List<String> values = new ArrayList<>();
        for (String parameter : type.parameters()) {
            String value = query.get(parameter);
            if (isEmpty(value)) {
                throw MetaServiceException.invalid(parameter + " is not given or empty");
            }
            values.add(value);
        }
        return type.encode(values);
    }

    private static MetaServiceException unsupported(String keyType) {
        return MetaServiceException.invalid("key_type not supported: " + (keyType.isEmpty() ? "(empty)" : keyType));
    }

    /** get_value: the stored value behind a key ({@code key} in hex, or {@code key_type} and its parameters) as compact JSON. */
    String getValue(Map<String, String> query) {
        String hexKey = query.getOrDefault("key", "");
        byte[] key = hexKey.isEmpty() ? encode(query) : KeyCodec.unhex(hexKey);
        String keyType = query.getOrDefault("key_type", "");
        KeyType type = KeyType.named(keyType).orElseThrow(() -> unsupported(keyType));
        Optional<String> value = switch (type) {
            case InstanceKey -> stringField(key, 2).flatMap(store::raw).map(raw -> part(raw, "instance"));
            case StorageVaultKey -> vault(key);
            default -> kv.raw(key).map(raw -> new String(raw, StandardCharsets.UTF_8));
        };
        return value.orElseThrow(() ->
                new MetaServiceException(MetaServiceCode.KV_TXN_GET_ERR, "kv not found, key=" + KeyCodec.hex(key)));
    }

    private Optional<String> vault(byte[] key) {
        Optional<String> instanceId = stringField(key, 2);
        Optional<String> vaultId = stringField(key, 4);
        if (instanceId.isEmpty() || vaultId.isEmpty()) {
            return Optional.empty();
        }
        return store.raw(instanceId.get()).flatMap(raw -> {
            for (JsonNode vault : tree(raw).path("vaults")) {
                if (vaultId.get().equals(vault.path("id").asText())) {
                    return Optional.of(vault.toString());
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<String> stringField(byte[] key, int position) {
        return KeyCodec.decode(key)
                .filter(fields ->
                        fields.size() > position && fields.get(position).kind() == KeyCodec.FieldKind.BYTES)
                .map(fields -> fields.get(position).string());
    }

    private static String part(byte[] raw, String name) {
        return tree(raw).path(name).toString();
    }

    private static JsonNode tree(byte[] raw) {
        try {
            return ProtoJson.mapper().readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
