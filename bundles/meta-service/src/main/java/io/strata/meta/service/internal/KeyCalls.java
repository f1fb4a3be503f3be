package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.Support.isEmpty;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.meta.service.internal.Keys.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * get_value: the stored value behind a key ({@code key} in hex, or {@code key_type} and its
     * parameters; {@code key_type} is needed either way, it says how to read the value). Values are
     * printed as the reference prints them: compact protobuf JSON as stored (AK/SK still
     * encrypted); a txn label's JSON followed by {@code \ntxn_id=<id>} (the transaction that wrote
     * it, the last one listed); a delete bitmap as hex. A value that does not read as its key type's
     * message is a 400.
     */
    String getValue(Map<String, String> query) {
        String hexKey = query.getOrDefault("key", "");
        byte[] key = hexKey.isEmpty() ? encode(query) : KeyCodec.unhex(hexKey);
        String keyType = query.getOrDefault("key_type", "");
        KeyType type = KeyType.named(keyType).orElseThrow(() -> unsupported(keyType));
        Optional<byte[]> value = switch (type) {
            case InstanceKey -> instance(key);
            case StorageVaultKey -> vault(key).map(text -> text.getBytes(StandardCharsets.UTF_8));
            default -> kv.raw(key);
        };
        String readable = readable(
                type,
                value.orElseThrow(() -> new MetaServiceException(
                        MetaServiceCode.KV_TXN_GET_ERR, "kv not found, key=" + KeyCodec.hex(key))));
        if (readable.isEmpty()) {
            throw new MetaServiceException(
                    MetaServiceCode.PROTOBUF_PARSE_ERR, "failed to parse value, key=" + KeyCodec.hex(key));
        }
        return readable;
    }

    /** The value as get_value prints it; empty when it does not read as the key type's message. */
    static String readable(KeyType type, byte[] value) {
        try {
            return switch (type) {
                case TxnLabelKey -> {
                    Proto.TxnLabel label = ProtoJson.read(value, Proto.TxnLabel.class);
                    yield label.txnIds().isEmpty()
                            ? ""
                            : ProtoJson.compact(label) + "\ntxn_id="
                                    + label.txnIds().get(label.txnIds().size() - 1);
                }
                case MetaDeleteBitmap -> bitmapHex(value);
                case TxnInfoKey -> compact(value, Proto.TxnInfo.class);
                case TxnIndexKey -> compact(value, Proto.TxnIndex.class);
                case TxnRunningKey -> compact(value, Proto.TxnRunning.class);
                case MetaTabletKey -> compact(value, Proto.TabletMeta.class);
                case MetaTabletIdxKey -> compact(value, Proto.TabletIndex.class);
                case StatsTabletKey -> compact(value, Proto.TabletStats.class);
                case JobTabletKey -> compact(value, Proto.TabletJobInfo.class);
                case StorageVaultKey -> compact(value, Proto.StorageVault.class);
                // kept as the reference keeps it, encrypted keys included; only checked to be a message
                case InstanceKey -> compact(value, JsonNode.class);
                // Strata writes no records under these keys; whatever is there is printed as a message
                case PartitionVersionKey,
                        TableVersionKey,
                        MetaRowsetKey,
                        MetaRowsetTmpKey,
                        RecycleIndexKey,
                        RecyclePartKey,
                        RecycleRowsetKey,
                        RecycleTxnKey,
                        CopyJobKey,
                        CopyFileKey,
                        RecycleStageKey,
                        JobRecycleKey,
                        MetaSchemaKey,
                        MetaDeleteBitmapUpdateLock,
                        MetaPendingDeleteBitmap,
                        RLJobProgressKey,
                        MetaServiceRegistryKey,
                        MetaServiceArnInfoKey,
                        MetaServiceEncryptionKey -> compact(value, JsonNode.class);
            };
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return "";
        }
    }

    private static String compact(byte[] value, Class<?> type) {
        Object message = ProtoJson.read(value, type);
        if (message instanceof JsonNode node && !node.isObject()) {
            return "";
        }
        return ProtoJson.compact(message);
    }

    /**
     * A delete bitmap's bytes in hex as the reference prints them: its stream sets a width of 2 once,
     * and a width applies to one output only, so only the first byte is zero-padded.
     */
    static String bitmapHex(byte[] value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length; i++) {
            String digits = Integer.toHexString(value[i] & 0xff);
            if (i == 0 && digits.length() < 2) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }

    /** The instance part of the record of exactly this instance key (as stored, keys encrypted). */
    private Optional<byte[]> instance(byte[] key) {
        return stringField(key, 2)
                .filter(instanceId -> Arrays.equals(Keys.instance(instanceId), key))
                .flatMap(store::raw)
                .map(raw -> part(raw, "instance").getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> vault(byte[] key) {
        Optional<String> instanceId = stringField(key, 2);
        Optional<String> vaultId = stringField(key, 4);
        if (instanceId.isEmpty()
                || vaultId.isEmpty()
                || !Arrays.equals(Keys.storageVault(instanceId.get(), vaultId.get()), key)) {
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
