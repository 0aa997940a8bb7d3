package dev.cairn.controller.pki;

import dev.cairn.controller.files.AtomicFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's certificate authority: an EC P-256 key ({@code ca.key}, PKCS#8 PEM, mode 0600)
 * and a self-signed certificate ({@code ca.crt}), created on first start. It signs node client
 * certificates (from enrollment CSRs) and the gRPC server certificate. Thread-safe.
 */
public final class CertificateAuthority {
  public static final String KEY_FILE = "ca.key";
  public static final String CERTIFICATE_FILE = "ca.crt";
  static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration CA_VALIDITY = Duration.ofDays(20 * 365);
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthority.class);

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private CertificateAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
    this.key = key;
    this.certificate = certificate;
    this.clock = clock;
  }

  /** Loads the CA from {@code dir}, creating it there first if the directory holds none. */
  public static CertificateAuthority loadOrCreate(Path dir, Clock clock) throws IOException {
    AtomicFiles.privateDirectory(dir);
    Path keyFile = dir.resolve(KEY_FILE);
    Path certificateFile = dir.resolve(CERTIFICATE_FILE);
    if (Files.exists(certificateFile)) {
      if (!Files.exists(keyFile)) {
        throw new IOException("The CA certificate " + certificateFile + " exists but its key "
            + keyFile + " is missing; restore both from the controller's backup");
      }
      PrivateKey key = Certificates.privateKeyFromPem(Files.readString(keyFile));
      X509Certificate certificate = Certificates.certificateFromPem(Files.readString(certificateFile));
      return new CertificateAuthority(key, certificate, clock);
    }
    // No certificate: nothing was ever signed, so a key left by an interrupted creation is replaced.
    CertificateAuthority created = create(clock);
    AtomicFiles.write(keyFile, Certificates.toPem(created.key).getBytes(StandardCharsets.US_ASCII),
        AtomicFiles.OWNER_ONLY);
    AtomicFiles.write(certificateFile,
        Certificates.toPem(created.certificate).getBytes(StandardCharsets.US_ASCII),
        AtomicFiles.PUBLIC);
    LOG.info("Created the controller CA in {} (fingerprint {})", dir, created.fingerprint());
    return created;
  }

  private static CertificateAuthority create(Clock clock) throws IOException {
    KeyPair pair = newKeyPair();
    Instant now = clock.instant();
    X500Name name = new X500Name("CN=Cairn controller CA " + HexFormat.of().formatHex(
        randomSerial(new SecureRandom()).toByteArray(), 0, 4));
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
          randomSerial(new SecureRandom()), Date.from(now.minus(BACKDATE)),
          Date.from(now.plus(CA_VALIDITY)), name, pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false,
              extensions.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate certificate =
          Certificates.convert(builder.build(signer(pair.getPrivate())));
      return new CertificateAuthority(pair.getPrivate(), certificate, clock);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot create the CA certificate", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** {@code sha256:<hex of the CA certificate's DER>}. */
  public String fingerprint() {
    return Certificates.fingerprint(certificate);
  }

  /** Signs a client certificate with CN = {@code nodeName} for an already verified public key. */
  public X509Certificate issueClient(String nodeName, PublicKey publicKey, Duration validity) {
    try {
      X509v3CertificateBuilder builder = builder(new X500Name("CN=" + nodeName), publicKey, validity)
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      return Certificates.convert(builder.build(signer(key)));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("Cannot sign a client certificate for " + nodeName, e);
    }
  }

  /**
   * A fresh key and server certificate for the gRPC port, valid for {@code localhost},
   * {@code 127.0.0.1} and the given extra DNS names or IP addresses.
   */
  public ServerIdentity issueServer(List<String> extraNames, Duration validity) {
    KeyPair pair = newKeyPair();
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
    names.addAll(extraNames);
    List<GeneralName> alternatives = new ArrayList<>();
    for (String name : names) {
      alternatives.add(isIpAddress(name)
          ? new GeneralName(GeneralName.iPAddress, name)
          : new GeneralName(GeneralName.dNSName, name));
    }
    try {
      X509v3CertificateBuilder builder =
          builder(new X500Name("CN=cairn-controller"), pair.getPublic(), validity)
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(Extension.extendedKeyUsage, false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false,
                  new GeneralNames(alternatives.toArray(GeneralName[]::new)));
      return new ServerIdentity(pair.getPrivate(),
          Certificates.convert(builder.build(signer(key))));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("Cannot sign the server certificate", e);
    }
  }

  /** True if this CA signed {@code candidate} (signature check only). */
  public boolean signed(X509Certificate candidate) {
    try {
      candidate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private X509v3CertificateBuilder builder(X500Name subject, PublicKey publicKey, Duration validity)
      throws GeneralSecurityException, CertIOException {
    Instant now = clock.instant();
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    return new JcaX509v3CertificateBuilder(certificate, randomSerial(random),
        Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, publicKey)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(certificate))
        .addExtension(Extension.subjectKeyIdentifier, false,
            extensions.createSubjectKeyIdentifier(publicKey));
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JVM", e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder(SIGNATURE).setProvider(Certificates.PROVIDER).build(key);
  }

  private static BigInteger randomSerial(SecureRandom random) {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  private static boolean isIpAddress(String name) {
    if (!name.matches("[0-9.]+") && !name.contains(":")) {
      return false;
    }
    try {
      InetAddress.getByName(name);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
