package dev.cairn.controller.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.testing.SimulatedAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CA on real files: creation, permissions, reload, signing, CSR checks. */
class CertificateAuthorityTest {
  @TempDir Path dir;

  @Test
  void loadOrCreate_firstStart_writesOwnerOnlyKeyAndReloadsSameCa() throws Exception {
    CertificateAuthority created = CertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    CertificateAuthority loaded = CertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca/ca.key"))))
        .isEqualTo("rw-------");
    assertThat(loaded.fingerprint()).isEqualTo(created.fingerprint()).matches("sha256:[0-9a-f]{64}");
    assertThat(created.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void loadOrCreate_certificateWithoutKey_failsNamingTheMissingFile() throws Exception {
    CertificateAuthority.loadOrCreate(dir, Clock.systemUTC());
    Files.delete(dir.resolve("ca.key"));

    assertThatThrownBy(() -> CertificateAuthority.loadOrCreate(dir, Clock.systemUTC()))
        .hasMessageContaining("ca.key").hasMessageContaining("restore");
  }

  @Test
  void issueClient_verifiedCsr_signsCertificateWithNodeCn() throws Exception {
    CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir, Clock.systemUTC());
    KeyPair keys = SimulatedAgent.newKeyPair();
    var key = CertificateRequests.verify(SimulatedAgent.csr(keys, "node-1"), "node-1");
    X509Certificate cert = ca.issueClient("node-1", key, Duration.ofDays(1));

    assertThat(Certificates.commonName(cert)).isEqualTo("node-1");
    assertThat(ca.signed(cert)).isTrue();
    assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
    assertThat(cert.getPublicKey()).isEqualTo(keys.getPublic());
  }

  @Test
  void signed_certificateOfAnotherCa_isFalse() throws Exception {
    CertificateAuthority ours = CertificateAuthority.loadOrCreate(dir.resolve("a"), Clock.systemUTC());
    CertificateAuthority theirs = CertificateAuthority.loadOrCreate(dir.resolve("b"), Clock.systemUTC());
    X509Certificate foreign = theirs.issueClient("n", SimulatedAgent.newKeyPair().getPublic(),
        Duration.ofDays(1));

    assertThat(ours.signed(foreign)).isFalse();
  }

  @Test
  void verify_csrWithOtherCn_isRejected() throws Exception {
    byte[] csr = SimulatedAgent.csr(SimulatedAgent.newKeyPair(), "other");

    assertThatThrownBy(() -> CertificateRequests.verify(csr, "node-1"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CN");
  }

  @Test
  void verify_corruptedCsr_isRejected() throws Exception {
    byte[] csr = SimulatedAgent.csr(SimulatedAgent.newKeyPair(), "node-1");
    csr[csr.length - 5] ^= 0x55;

    assertThatThrownBy(() -> CertificateRequests.verify(csr, "node-1"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void verify_rsaKey_isRejected() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair keys = rsa.generateKeyPair();
    byte[] csr = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
        new org.bouncycastle.asn1.x500.X500Name("CN=node-1"), keys.getPublic())
        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
            .build(keys.getPrivate())).getEncoded();

    assertThatThrownBy(() -> CertificateRequests.verify(csr, "node-1"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("P-256");
  }
}
