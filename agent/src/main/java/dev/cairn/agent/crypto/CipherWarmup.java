package dev.cairn.agent.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Readies the repository crypto while the main thread derives the key (scrypt, single-threaded,
 * started by {@link KeyRing} when it unlocks or creates a repository). With native crypto
 * ({@link CryptoProvider}) that is loading its library (~0.15 s); with the JDK's providers, it gets
 * the JIT to compile the AES-GCM and HMAC-SHA-256 paths early. Until they are compiled, the
 * JDK runs GCM and SHA-256 in the interpreter at under 100 MB/s; after some thousands of
 * operations it switches to the AES-NI/VAES and SHA-NI intrinsics (GB/s). A short burst on a
 * background thread pays that cost, and the first index file and data are already handled by
 * compiled code.
 */
public final class CipherWarmup {

  private static volatile boolean started;

  private CipherWarmup() {}

  /** Starts the warm-up once per JVM on a daemon thread. */
  public static void start() {
    if (started) {
      return;
    }
    started = true;
    Thread thread = new Thread(CipherWarmup::run, "cairn-gcm-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  static void run() {
    if (CryptoProvider.isNative()) {
      return; // loaded its library; native code needs no warm-up
    }
    try {
      byte[] keyBytes = new byte[32];
      new SecureRandom().nextBytes(keyBytes);
      SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] data = new byte[256];
      byte[] out = new byte[data.length + 16];
      byte[] back = new byte[data.length];
      byte[] nonce = new byte[12];
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
      for (int i = 0; i < 6_000; i++) {
        nonce[0] = (byte) i;
        nonce[1] = (byte) (i >>> 8);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        int n = cipher.doFinal(data, 0, data.length, out, 0);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.doFinal(out, 0, n, back, 0);
        mac.update(out, 0, n);
        mac.doFinal();
      }
    } catch (GeneralSecurityException e) {
      // the real operations will report it
    }
  }
}
