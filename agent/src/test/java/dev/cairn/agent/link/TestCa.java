package dev.cairn.agent.link;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A certificate authority for tests (EC P-256, Bouncy Castle), standing in for the controller's CA
 * in agent-module tests: issues the server certificate and signs agents' CSRs.
 */
final class TestCa {

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  final KeyPair key;
  final X509Certificate certificate;
  private final X500Principal name;

  private TestCa(KeyPair key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
    this.name = certificate.getSubjectX500Principal();
  }

  static KeyPair newKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static TestCa create(String commonName) throws Exception {
    KeyPair key = newKey();
    X500Principal name = new X500Principal("CN=" + commonName);
    X509v3CertificateBuilder builder = builder(name, name, key.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate certificate = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    return new TestCa(key, certificate);
  }

  CaFingerprint fingerprint() {
    return CaFingerprint.of(certificate);
  }

  /** A server certificate for 127.0.0.1 / localhost with the serverAuth usage. */
  X509Certificate server(PublicKey publicKey) throws Exception {
    X509v3CertificateBuilder builder = builder(name, new X500Principal("CN=cairn-controller"), publicKey);
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
    return sign(builder);
  }

  /** A client certificate (clientAuth usage) for the key in a CSR, after checking its signature. */
  X509Certificate client(byte[] csrDer) throws Exception {
    JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(csrDer);
    PublicKey publicKey = java.security.KeyFactory.getInstance("EC")
        .generatePublic(new java.security.spec.X509EncodedKeySpec(csr.getSubjectPublicKeyInfo().getEncoded()));
    if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey))) {
      throw new IllegalArgumentException("CSR signature invalid");
    }
    return client(publicKey, new X500Principal(csr.getSubject().toString()));
  }

  X509Certificate client(PublicKey publicKey, X500Principal subject) throws Exception {
    X509v3CertificateBuilder builder = builder(name, subject, publicKey);
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    return sign(builder);
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
  }

  private static X509v3CertificateBuilder builder(X500Principal issuer, X500Principal subject, PublicKey publicKey) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(30))), subject, publicKey);
  }
}
