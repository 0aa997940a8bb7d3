package dev.cairn.agent.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Where the repository's AES-256-GCM, HMAC-SHA-256 and nonces come from: the Amazon Corretto
 * Crypto Provider (AWS-LC, native code with AES-NI/VAES, CLMUL and SHA-NI) when its native library
 * loads on this machine, otherwise the JDK's own providers. The formats are the standard ones
 * either way, so repositories written through one open through the other.
 *
 * <p>Why native: the JDK's GCM and SHA-256 are only fast once C2 has compiled them with their
 * intrinsics. A snapshot command lives for seconds, so a large share of its CPU went into that
 * compilation (and into a warm-up thread for it), and the agent, which runs C1 only, sealed at
 * under 100 MB/s. Native code is fast from the first byte, with or without C2.
 *
 * <p>{@code -Dcairn.crypto=jdk} forces the JDK's providers (comparisons, tests, a machine where
 * the native library misbehaves).
 */
public final class CryptoProvider {

  private static final Logger LOG = Logger.getLogger(CryptoProvider.class.getName());
  private static final String UNAVAILABLE = "native crypto (AWS-LC) did not load, using the JDK providers, which are"
      + " much slower under the C1-only JIT of bin/cairn: {0}. If java.io.tmpdir is mounted noexec, add"
      + " -Dcom.amazon.corretto.crypto.provider.tmpdir=DIR (an exec-able directory) to CAIRN_JAVA_OPTS;"
      + " otherwise add -XX:TieredStopAtLevel=4 there.";
  private static final Provider NATIVE = loadNative();

  private CryptoProvider() {}

  /** Whether the native provider is in use (then no JIT warm-up is needed). */
  public static boolean isNative() {
    return NATIVE != null;
  }

  static Cipher aesGcm() throws GeneralSecurityException {
    return NATIVE == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", NATIVE);
  }

  static Mac hmacSha256() throws NoSuchAlgorithmException {
    return NATIVE == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", NATIVE);
  }

  static SecureRandom random() {
    if (NATIVE != null) {
      try {
        return SecureRandom.getInstance("DEFAULT", NATIVE);
      } catch (NoSuchAlgorithmException e) {
        // fall through to the JDK's
      }
    }
    return new SecureRandom();
  }

  private static Provider loadNative() {
    if ("jdk".equalsIgnoreCase(System.getProperty("cairn.crypto", ""))) {
      return null;
    }
    List<Path> swept = NativeLibraryLeftovers.sweep(NativeLibraryLeftovers.directory(), Instant.now());
    if (!swept.isEmpty()) {
      LOG.log(Level.INFO, "removed {0} native-library directories that killed JVMs left behind: {1}",
          new Object[] {swept.size(), swept});
    }
    try {
      AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
      Throwable error = accp.getLoadingError();
      if (error != null) {
        LOG.log(Level.WARNING, UNAVAILABLE, error.toString());
        return null;
      }
      return accp;
    } catch (LinkageError e) {
      LOG.log(Level.WARNING, UNAVAILABLE, e.toString());
      return null;
    }
  }
}
