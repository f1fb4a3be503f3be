package io.strata.mount.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.mount.MountPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A mount as kept in ZooKeeper: {@code {"path": "/data", "ufs": "s3://bucket/", "options": {...}}},
 * one znode per mount. The options are kept in clear (ZooKeeper is the cluster's trusted store, as
 * for every other definition); they are masked wherever they are shown.
 */
record MountRecord(String path, String ufs, SortedMap<String, String> options) {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    MountRecord {
        requireNonNull(path, "path is null");
        requireNonNull(ufs, "ufs is null");
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options == null ? new TreeMap<>() : options));
    }

    static MountRecord of(MountPoint mount) {
        return new MountRecord(mount.path(), mount.ufs().toString(), mount.options());
    }

    MountPoint toMountPoint() {
        return new MountPoint(path, URI.create(ufs), options);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MountRecord fromJson(byte[] json) {
        try {
            return JSON.readValue(json, MountRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a mount record: " + e.getMessage(), e);
        }
    }
}
