package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
    /**
     * Per thread: a Cipher is not thread-safe and costly to look up, and one shared SecureRandom
     * serializes concurrent calls on its lock. Nonces are random (96 bits), so coordinators sharing
     * the key never need to agree on a counter.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AkSkCipher::newCipher);

    private final ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(AkSkCipher::newRandom);

    AkSkCipher(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the AK/SK encryption key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            return new SecureRandom();
        }
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
            randoms.get().nextBytes(nonce);
            Cipher cipher = ciphers.get();
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
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new MetaServiceException(
                    MetaServiceCode.ERR_DECPYPT,
                    "failed to decrypt ak/sk, is strata.metaservice.encryption.key the same on every coordinator?",
                    e);
        }
    }

    /**
     * An entry as stored ({@code stored}) and exactly as {@link #open} gives it back ({@code clear}),
     * so that a writer can hold the clear form of what it wrote without decrypting it again.
     */
    record Sealed<T>(T stored, T clear) {}

    /** An object-store entry (held in clear) with its ak/sk encrypted, when it has them. */
    Sealed<Proto.ObjectStoreInfo> seal(Proto.ObjectStoreInfo info) {
        if (info == null || (isEmpty(info.ak()) && isEmpty(info.sk()))) {
            return new Sealed<>(info, info);
        }
        Proto.ObjectStoreInfo clear = info.withAk(nullToEmpty(info.ak()))
                .withSk(nullToEmpty(info.sk()))
                .withEncryptionInfo(encryptionInfo());
        return new Sealed<>(clear.withAk(encrypt(clear.ak())).withSk(encrypt(clear.sk())), clear);
    }

    /** An object-store entry with its ak/sk in clear; the encryption_info stays, as the reference shows it. */
    Proto.ObjectStoreInfo open(Proto.ObjectStoreInfo info) {
        if (info == null || !isSealed(info.encryptionInfo())) {
            return info;
        }
        return info.withAk(info.ak() == null ? null : decrypt(info.ak()))
                .withSk(info.sk() == null ? null : decrypt(info.sk()));
    }

    Sealed<Proto.RamUser> seal(Proto.RamUser user) {
        if (user == null || (isEmpty(user.ak()) && isEmpty(user.sk()))) {
            return new Sealed<>(user, user);
        }
        Proto.RamUser clear = user.withAk(nullToEmpty(user.ak()))
                .withSk(nullToEmpty(user.sk()))
                .withEncryptionInfo(encryptionInfo());
        return new Sealed<>(clear.withAk(encrypt(clear.ak())).withSk(encrypt(clear.sk())), clear);
    }

    Proto.RamUser open(Proto.RamUser user) {
        if (user == null || !isSealed(user.encryptionInfo())) {
            return user;
        }
        return user.withAk(user.ak() == null ? null : decrypt(user.ak()))
                .withSk(user.sk() == null ? null : decrypt(user.sk()));
    }

    Proto.StorageVault open(Proto.StorageVault vault) {
        return vault.objInfo() == null ? vault : vault.withObjInfo(open(vault.objInfo()));
    }

    /**
     * An instance document as stored (every ak/sk encrypted) and in clear. Entries whose clear form
     * is unchanged from {@code previous} keep its ciphertexts, so a change that does not touch keys
     * (clusters, nodes, status: most changes) encrypts nothing. A reused ciphertext was made for that
     * very plaintext, so no nonce ever serves a second plaintext.
     */
    Sealed<InstanceDocument> seal(InstanceDocument document, Sealed<InstanceDocument> previous) {
        Proto.Instance instance = document.instance();
        Proto.Instance previousClear =
                previous == null ? null : previous.clear().instance();
        Proto.Instance previousStored =
                previous == null ? null : previous.stored().instance();
        List<Proto.ObjectStoreInfo> storedObjInfo =
                new ArrayList<>(instance.objInfo().size());
        List<Proto.ObjectStoreInfo> clearObjInfo =
                new ArrayList<>(instance.objInfo().size());
        for (int i = 0; i < instance.objInfo().size(); i++) {
            Sealed<Proto.ObjectStoreInfo> entry = reuse(
                    instance.objInfo().get(i),
                    previous == null ? List.of() : previousClear.objInfo(),
                    previous == null ? List.of() : previousStored.objInfo(),
                    i,
                    this::seal);
            storedObjInfo.add(entry.stored());
            clearObjInfo.add(entry.clear());
        }
        Sealed<Proto.RamUser> ramUser = previous != null && Objects.equals(instance.ramUser(), previousClear.ramUser())
                ? new Sealed<>(previousStored.ramUser(), instance.ramUser())
                : seal(instance.ramUser());
        Sealed<Proto.RamUser> iamUser = previous != null && Objects.equals(instance.iamUser(), previousClear.iamUser())
                ? new Sealed<>(previousStored.iamUser(), instance.iamUser())
                : seal(instance.iamUser());
        List<Proto.StorageVault> storedVaults =
                new ArrayList<>(document.vaults().size());
        List<Proto.StorageVault> clearVaults = new ArrayList<>(document.vaults().size());
        for (int i = 0; i < document.vaults().size(); i++) {
            Sealed<Proto.StorageVault> entry = reuse(
                    document.vaults().get(i),
                    previous == null ? List.of() : previous.clear().vaults(),
                    previous == null ? List.of() : previous.stored().vaults(),
                    i,
                    this::sealVault);
            storedVaults.add(entry.stored());
            clearVaults.add(entry.clear());
        }
        return new Sealed<>(
                new InstanceDocument(
                        instance.withObjInfo(storedObjInfo)
                                .withRamUser(ramUser.stored())
                                .withIamUser(iamUser.stored()),
                        storedVaults),
                new InstanceDocument(
                        instance.withObjInfo(clearObjInfo)
                                .withRamUser(ramUser.clear())
                                .withIamUser(iamUser.clear()),
                        clearVaults));
    }

    private static <T> Sealed<T> reuse(
            T entry, List<T> previousClear, List<T> previousStored, int index, Function<T, Sealed<T>> seal) {
        if (index < previousClear.size() && index < previousStored.size() && entry.equals(previousClear.get(index))) {
            return new Sealed<>(previousStored.get(index), entry);
        }
        return seal.apply(entry);
    }

    private Sealed<Proto.StorageVault> sealVault(Proto.StorageVault vault) {
        if (vault.objInfo() == null) {
            return new Sealed<>(vault, vault);
        }
        Sealed<Proto.ObjectStoreInfo> objInfo = seal(vault.objInfo());
        return new Sealed<>(vault.withObjInfo(objInfo.stored()), vault.withObjInfo(objInfo.clear()));
    }

    /** A document as stored, in clear. */
    InstanceDocument open(InstanceDocument document) {
        Proto.Instance instance = document.instance();
        return new InstanceDocument(
                instance.withObjInfo(instance.objInfo().stream().map(this::open).toList())
                        .withRamUser(open(instance.ramUser()))
                        .withIamUser(open(instance.iamUser())),
                document.vaults().stream().map(this::open).toList());
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
