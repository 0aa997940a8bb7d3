package dev.cairn.agent.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JIT to compile the AES-GCM path early. Until it is compiled, the JDK runs GCM in the
 * interpreter at under 100 MB/s; after some thousands of small operations it switches to the
 * AES-NI/VAES intrinsics (several GB/s). A short burst on a background thread pays that cost
 * while the pipeline is still scanning directories. {@code bin/cairn} also lowers the JIT
 * thresholds of {@code com.sun.crypto.provider} methods ({@code -XX:CompileCommand=CompileThresholdScaling}).
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
    try {
      byte[] keyBytes = new byte[32];
      new SecureRandom().nextBytes(keyBytes);
      SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] data = new byte[256];
      byte[] out = new byte[data.length + 16];
      byte[] back = new byte[data.length];
      byte[] nonce = new byte[12];
      for (int i = 0; i < 6_000; i++) {
        nonce[0] = (byte) i;
        nonce[1] = (byte) (i >>> 8);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        int n = cipher.doFinal(data, 0, data.length, out, 0);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.doFinal(out, 0, n, back, 0);
      }
    } catch (GeneralSecurityException e) {
      // the real operations will report it
    }
  }
}
