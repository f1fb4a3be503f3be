package io.strata.meta.service.internal;

import java.nio.charset.StandardCharsets;

/** The protobuf binary size of an {@code ObjectStoreInfoPB} (for the reference's 1 KiB limit). */
final class ProtoSize {
    private ProtoSize() {}

    static long of(Proto.ObjectStoreInfo obj) {
        long size = 0;
        size += int64(1, obj.ctime());
        size += int64(2, obj.mtime());
        size += string(3, obj.id());
        size += string(4, obj.ak());
        size += string(5, obj.sk());
        size += string(6, obj.bucket());
        size += string(7, obj.prefix());
        size += string(8, obj.endpoint());
        size += string(9, obj.region());
        size += obj.provider() == null ? 0 : tag(10) + varint(obj.provider().number());
        size += string(11, obj.externalEndpoint());
        size += string(13, obj.userId());
        if (obj.encryptionInfo() != null) {
            long nested = string(1, obj.encryptionInfo().encryptionMethod())
                    + int64(2, obj.encryptionInfo().keyId());
            size += tag(14) + varint(nested) + nested;
        }
        size += obj.sseEnabled() == null ? 0 : tag(15) + 1;
        size += obj.usePathStyle() == null ? 0 : tag(16) + 1;
        size += obj.credProviderType() == null
                ? 0
                : tag(17) + varint(obj.credProviderType().number());
        size += string(18, obj.roleArn());
        size += string(19, obj.externalId());
        return size;
    }

    private static long string(int field, String value) {
        if (value == null) {
            return 0;
        }
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        return tag(field) + varint(length) + length;
    }

    private static long int64(int field, Long value) {
        return value == null ? 0 : tag(field) + varint(value);
    }

    private static int tag(int field) {
        return varint((long) field << 3);
    }

    /** Bytes of a varint; negative values take 10. */
    static int varint(long value) {
        if (value < 0) {
            return 10;
        }
        int bytes = 1;
        while (value >= 0x80) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }
}
