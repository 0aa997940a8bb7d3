package dev.cairn.agent.crypto;

import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.RepositoryKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The repository master key: AES-256-GCM for sealing, HMAC-SHA-256 for blob ids, both from
 * {@link CryptoProvider} (native AWS-LC where it loads, else the JDK's). Thread-safe (one cipher,
 * one MAC and one nonce source per thread).
 */
public final class MasterKey implements RepositoryKey {

  static final int NONCE = 12;
  static final int TAG_BITS = 128;

  private final SecretKeySpec encryptKey;
  private final SecretKeySpec macKey;
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(MasterKey::newCipher);
  private final ThreadLocal<Mac> macs;
  private final ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(CryptoProvider::random);

  MasterKey(byte[] encrypt, byte[] mac) {
    if (encrypt.length != 32 || mac.length != 32) {
      throw new IllegalArgumentException("master keys are 32 bytes each");
    }
    this.encryptKey = new SecretKeySpec(encrypt, "AES");
    this.macKey = new SecretKeySpec(mac, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A fresh random master key. */
  public static MasterKey generate() {
    SecureRandom random = new SecureRandom();
    byte[] encrypt = new byte[32];
    byte[] mac = new byte[32];
    random.nextBytes(encrypt);
    random.nextBytes(mac);
    return new MasterKey(encrypt, mac);
  }

  byte[] encryptKeyBytes() {
    return encryptKey.getEncoded();
  }

  byte[] macKeyBytes() {
    return macKey.getEncoded();
  }

  @Override
  public int seal(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) {
    return seal(encryptKey, randoms.get(), ciphers.get(), in, off, len, aad, out, outOff);
  }

  static int seal(SecretKeySpec key, SecureRandom random, Cipher cipher, byte[] in, int off, int len, byte[] aad,
      byte[] out, int outOff) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      System.arraycopy(nonce, 0, out, outOff, NONCE);
      return NONCE + cipher.doFinal(in, off, len, out, outOff + NONCE);
    } catch (ShortBufferException e) {
      throw new IllegalArgumentException("output buffer too small for " + len + " bytes + overhead", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable in this JVM", e);
    }
  }

  @Override
  public int open(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws CorruptObjectException {
    return open(encryptKey, ciphers.get(), in, off, len, aad, out, outOff);
  }

  static int open(SecretKeySpec key, Cipher cipher, byte[] in, int off, int len, byte[] aad, byte[] out, int outOff)
      throws CorruptObjectException {
    if (len < OVERHEAD) {
      throw new CorruptObjectException("sealed data of " + len + " bytes is too short");
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, off, NONCE));
      cipher.updateAAD(aad);
      return cipher.doFinal(in, off + NONCE, len - NONCE, out, outOff);
    } catch (AEADBadTagException e) {
      throw new CorruptObjectException("authentication failed (damaged data, or another key)", e);
    } catch (ShortBufferException e) {
      throw new IllegalArgumentException("output buffer too small for " + len + " sealed bytes", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable in this JVM", e);
    }
  }

  @Override
  public BlobId id(byte[] data, int off, int len) {
    Mac mac = macs.get();
    mac.update(data, off, len);
    return BlobId.of(mac.doFinal());
  }

  @Override
  public String idKeyFingerprint() {
    Mac mac = macs.get();
    return HexFormat.of().formatHex(mac.doFinal("cairn/v1/fingerprint".getBytes(StandardCharsets.US_ASCII)), 0, 16);
  }

  static Cipher newCipher() {
    try {
      return CryptoProvider.aesGcm();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable in this JVM", e);
    }
  }

  private Mac newMac() {
    try {
      Mac mac = CryptoProvider.hmacSha256();
      mac.init(macKey);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is unavailable in this JVM", e);
    }
  }
}
