package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts access keys and secret keys at rest with AES-256-GCM: the stored text is
 * base64(12-byte nonce, ciphertext, 16-byte tag), marked by {@link #encryptionInfo()}. Every
 * coordinator must hold the same key (config {@code strata.metaservice.encryption.key}); a wrong
 * key fails the tag check instead of yielding garbage.
 */
final class AkSkCipher {
    static final String METHOD = "AES_256_GCM";
    static final long KEY_ID = 1;
    static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    AkSkCipher(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the AK/SK encryption key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    Proto.EncryptionInfo encryptionInfo() {
        return new Proto.EncryptionInfo(METHOD, KEY_ID);
    }

    String encrypt(String plaintext) {
        requireNonNull(plaintext, "plaintext is null");
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new MetaServiceException(MetaServiceCode.ERR_ENCRYPT, "failed to encrypt ak/sk", e);
        }
    }

    String decrypt(String stored) {
        requireNonNull(stored, "stored is null");
        try {
            byte[] data = Base64.getDecoder().decode(stored);
            if (data.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new GeneralSecurityException("ciphertext too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new MetaServiceException(
                    MetaServiceCode.ERR_DECPYPT,
                    "failed to decrypt ak/sk, is strata.metaservice.encryption.key the same on every coordinator?",
                    e);
        }
    }

    /** An object-store entry (held in clear) with its ak/sk encrypted, when it has them. */
    Proto.ObjectStoreInfo seal(Proto.ObjectStoreInfo info) {
        if (info == null || (isEmpty(info.ak()) && isEmpty(info.sk()))) {
            return info;
        }
        return info.withAk(encrypt(nullToEmpty(info.ak())))
                .withSk(encrypt(nullToEmpty(info.sk())))
                .withEncryptionInfo(encryptionInfo());
    }

    /** An object-store entry with its ak/sk in clear; the encryption_info stays, as the reference shows it. */
    Proto.ObjectStoreInfo open(Proto.ObjectStoreInfo info) {
        if (info == null || !isSealed(info.encryptionInfo())) {
            return info;
        }
        return info.withAk(info.ak() == null ? null : decrypt(info.ak()))
                .withSk(info.sk() == null ? null : decrypt(info.sk()));
    }

    Proto.RamUser seal(Proto.RamUser user) {
        if (user == null || (isEmpty(user.ak()) && isEmpty(user.sk()))) {
            return user;
        }
        return user.withAk(encrypt(nullToEmpty(user.ak())))
                .withSk(encrypt(nullToEmpty(user.sk())))
                .withEncryptionInfo(encryptionInfo());
    }

    Proto.RamUser open(Proto.RamUser user) {
        if (user == null || !isSealed(user.encryptionInfo())) {
            return user;
        }
        return user.withAk(user.ak() == null ? null : decrypt(user.ak()))
                .withSk(user.sk() == null ? null : decrypt(user.sk()));
    }

    Proto.StorageVault seal(Proto.StorageVault vault) {
        return vault.objInfo() == null ? vault : vault.withObjInfo(seal(vault.objInfo()));
    }

    Proto.StorageVault open(Proto.StorageVault vault) {
        return vault.objInfo() == null ? vault : vault.withObjInfo(open(vault.objInfo()));
    }

    /** The instance as stored: every ak/sk encrypted. */
    Proto.Instance seal(Proto.Instance instance) {
        return instance.withObjInfo(instance.objInfo().stream().map(this::seal).toList())
                .withRamUser(seal(instance.ramUser()))
                .withIamUser(seal(instance.iamUser()));
    }

    /** The instance in clear. */
    Proto.Instance open(Proto.Instance instance) {
        return instance.withObjInfo(instance.objInfo().stream().map(this::open).toList())
                .withRamUser(open(instance.ramUser()))
                .withIamUser(open(instance.iamUser()));
    }

    private static boolean isSealed(Proto.EncryptionInfo info) {
        return info != null && METHOD.equals(info.encryptionMethod());
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
