package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestStateDirectory {
    @TempDir
    Path folder;

    @Test
    void testGeneratedTokenIsKeptAndReused() throws Exception {
        StateDirectory state = new StateDirectory(folder.resolve("meta-service"));
        String token = state.token("");
        assertThat(token).hasSize(48);
        assertThat(new StateDirectory(folder.resolve("meta-service")).token("")).isEqualTo(token);
        Path file = folder.resolve("meta-service").resolve(StateDirectory.TOKEN_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        // a configured token wins and writes nothing
        assertThat(new StateDirectory(folder.resolve("other")).token("mine")).isEqualTo("mine");
        assertThat(folder.resolve("other")).doesNotExist();
    }

    @Test
    void testEncryptionKey() {
        StateDirectory state = new StateDirectory(folder);
        byte[] generated = state.encryptionKey("");
        assertThat(generated).hasSize(AkSkCipher.KEY_BYTES);
        assertThat(state.encryptionKey("")).isEqualTo(generated);
        byte[] configured = AkSkCipher.newKey();
        assertThat(state.encryptionKey(Base64.getEncoder().encodeToString(configured)))
                .isEqualTo(configured);
        assertThatThrownBy(() -> state.encryptionKey("not base64!"))
                .hasMessageContaining("strata.metaservice.encryption.key");
        assertThatThrownBy(() -> state.encryptionKey(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void testResolve() {
        String home = System.getProperty("strata.home");
        System.setProperty("strata.home", folder.toString());
        try {
            assertThat(StateDirectory.resolve("", "data").folder()).isEqualTo(folder.resolve("data/meta-service"));
            assertThat(StateDirectory.resolve("", "/abs/data").folder()).isEqualTo(Path.of("/abs/data/meta-service"));
            assertThat(StateDirectory.resolve("state", "data").folder()).isEqualTo(folder.resolve("state"));
        } finally {
            if (home == null) {
                System.clearProperty("strata.home");
            } else {
                System.setProperty("strata.home", home);
            }
        }
    }
}
