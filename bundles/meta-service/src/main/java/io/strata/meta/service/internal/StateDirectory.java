package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta-service's files on this node: the generated token ({@value #TOKEN_FILE}) and AK/SK
 * key ({@value #KEY_FILE}), each created once (owner-only permissions) and reused after.
 */
final class StateDirectory {
    static final String TOKEN_FILE = "token";
    static final String KEY_FILE = "encryption.key";

    private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);

    private final Path folder;

    StateDirectory(Path folder) {
        this.folder = requireNonNull(folder, "folder is null").toAbsolutePath().normalize();
    }

    /**
     * The folder: {@code strata.metaservice.state.dir} when set, else {@code meta-service} in the
     * node's data dir; relative paths are taken from the Strata home.
     */
    static StateDirectory resolve(String configured, String dataDir) {
        Path home = Path.of(System.getProperty("strata.home", "."));
        if (configured != null && !configured.isBlank()) {
            return new StateDirectory(home.resolve(configured.strip()));
        }
        String data = dataDir == null || dataDir.isBlank() ? "data" : dataDir.strip();
        return new StateDirectory(home.resolve(data).resolve("meta-service"));
    }

    Path folder() {
        return folder;
    }

    /** The configured token, or the one generated on first start (logged once, when generated). */
    String token(String configured) {
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = HexFormat.of().formatHex(random);
        Path file = folder.resolve(TOKEN_FILE);
        if (writeOnce(file, generated)) {
            LOG.warn(
                    "Generated the meta-service token {} (kept in {}); set strata.metaservice.token to choose one",
                    generated,
                    file);
            return generated;
        }
        return read(file);
    }

    /** The configured AK/SK key (base64), or the one generated on first start. */
    byte[] encryptionKey(String configured) {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "strata.metaservice.encryption.key is not base64: " + e.getMessage(), e);
            }
            if (key.length != AkSkCipher.KEY_BYTES) {
                throw new IllegalArgumentException("strata.metaservice.encryption.key must be " + AkSkCipher.KEY_BYTES
                        + " bytes, base64; it has " + key.length);
            }
            return key;
        }
        Path file = folder.resolve(KEY_FILE);
        if (writeOnce(file, Base64.getEncoder().encodeToString(AkSkCipher.newKey()))) {
            LOG.warn(
                    "Generated the meta-service AK/SK encryption key in {}; every coordinator needs the same key "
                            + "(strata.metaservice.encryption.key)",
                    file);
        }
        return Base64.getDecoder().decode(read(file));
    }

    /** Writes the file unless it exists; true when this call created it. */
    private boolean writeOnce(Path file, String content) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".new-", ".tmp");
            try {
                restrict(temporary);
                Files.writeString(
                        temporary, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.createLink(file, temporary);
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                } catch (UnsupportedOperationException | IOException e) {
                    if (Files.exists(file)) {
                        return false;
                    }
                    Files.move(temporary, file);
                    return true;
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
