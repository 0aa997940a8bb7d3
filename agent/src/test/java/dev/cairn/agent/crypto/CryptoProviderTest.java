package dev.cairn.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.repository.CorruptObjectException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The native provider against the JDK's: what one seals the other opens, and blob ids agree, so a
 * repository never depends on which provider wrote it.
 */
class CryptoProviderTest {

  private final byte[] keyBytes = new byte[32];
  private final byte[] aad = "cairn/v1/blob".getBytes(StandardCharsets.US_ASCII);
  private final byte[] data = new byte[3 << 20];

  CryptoProviderTest() {
    Random random = new Random(7);
    random.nextBytes(keyBytes);
    random.nextBytes(data);
  }

  @Test
  @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
  void onX8664_theNativeProviderLoads() throws Exception {
    assertThat(CryptoProvider.isNative()).as("AWS-LC should load on linux-x86_64").isTrue();
    assertThat(CryptoProvider.aesGcm().getProvider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
  }

  @Test
  void sealedByTheProviderInUse_opensWithTheJdk_andBack() throws Exception {
    SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
    byte[] sealed = new byte[data.length + MasterKey.OVERHEAD];
    int n = MasterKey.seal(key, CryptoProvider.random(), CryptoProvider.aesGcm(), data, 0, data.length, aad, sealed, 0);
    byte[] plain = new byte[data.length];

    int m = MasterKey.open(key, Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"), sealed, 0, n, aad, plain, 0);
    assertThat(m).isEqualTo(data.length);
    assertThat(plain).isEqualTo(data);

    byte[] jdkSealed = new byte[data.length + MasterKey.OVERHEAD];
    int k = MasterKey.seal(key, new SecureRandom(), Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"), data, 0,
        data.length, aad, jdkSealed, 0);
    byte[] back = new byte[data.length];
    assertThat(MasterKey.open(key, CryptoProvider.aesGcm(), jdkSealed, 0, k, aad, back, 0)).isEqualTo(data.length);
    assertThat(back).isEqualTo(data);
  }

  @Test
  void tamperedUnderTheJdk_isRefusedByTheProviderInUse() throws Exception {
    SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
    byte[] sealed = new byte[data.length + MasterKey.OVERHEAD];
    int n = MasterKey.seal(key, new SecureRandom(), Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"), data, 0,
        data.length, aad, sealed, 0);
    sealed[n / 2] ^= 1;

    assertThatThrownBy(() -> MasterKey.open(key, CryptoProvider.aesGcm(), sealed, 0, n, aad, new byte[data.length], 0))
        .isInstanceOf(CorruptObjectException.class);
  }

  @Test
  void hmacOfTheProviderInUse_equalsTheJdks() throws Exception {
    SecretKeySpec key = new SecretKeySpec(keyBytes, "HmacSHA256");
    Mac ours = CryptoProvider.hmacSha256();
    ours.init(key);
    Mac jdk = Mac.getInstance("HmacSHA256", "SunJCE");
    jdk.init(key);

    for (int len : new int[] {0, 1, 63, 64, 65, 4096, data.length}) {
      ours.update(data, 0, len);
      jdk.update(data, 0, len);
      assertThat(ours.doFinal()).as("HMAC of %d bytes", len).isEqualTo(jdk.doFinal());
    }
  }
}
