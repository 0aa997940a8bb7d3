package dev.cairn.agent.link;

import dev.cairn.agent.state.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's identity files in {@code <stateDir>/identity}: {@code node.key} (the EC P-256 key
 * pair, PEM, mode 0600, created once and never sent anywhere) and {@code identity.pem} (the node
 * certificate followed by the CA certificate, replaced atomically so both always match).
 * Thread-safe for one agent process.
 */
public final class IdentityStore {

  static final String KEY_FILE = "node.key";
  static final String IDENTITY_FILE = "identity.pem";
  private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

  private final Path dir;

  public IdentityStore(Path dir) {
    this.dir = dir;
  }

  public Path directory() {
    return dir;
  }

  /** The identity, if the node has enrolled. */
  public synchronized Optional<NodeIdentity> load() throws IOException {
    Path identityFile = dir.resolve(IDENTITY_FILE);
    if (!Files.exists(identityFile)) {
      return Optional.empty();
    }
    List<X509Certificate> certificates = readCertificates(Files.readAllBytes(identityFile));
    if (certificates.size() != 2) {
      throw new IOException(identityFile + " must hold the node certificate and the CA certificate; delete it and"
          + " enroll again with a new token");
    }
    return Optional.of(new NodeIdentity(loadOrCreateKey().getPrivate(), certificates.get(0), certificates.get(1)));
  }

  /** Stores the certificate and CA received at enrollment, both in one atomic write. */
  public synchronized void save(X509Certificate certificate, X509Certificate ca) throws IOException {
    try {
      String pem = pem("CERTIFICATE", certificate.getEncoded()) + pem("CERTIFICATE", ca.getEncoded());
      AtomicFile.write(dir.resolve(IDENTITY_FILE), pem.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode the enrolled certificates", e);
    }
  }

  /** The node's key pair, generated (EC P-256) and stored with mode 0600 on first use. */
  public synchronized KeyPair loadOrCreateKey() throws IOException {
    Path keyFile = dir.resolve(KEY_FILE);
    try {
      if (Files.exists(keyFile)) {
        return readKeyPair(keyFile);
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
      AtomicFile.write(keyFile, pem.getBytes(StandardCharsets.US_ASCII), true);
      return pair;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot create or read the node key " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static KeyPair readKeyPair(Path keyFile) throws IOException, GeneralSecurityException {
    String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
    byte[] privateDer = null;
    byte[] publicDer = null;
    Matcher matcher = PEM.matcher(text);
    while (matcher.find()) {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
      if (matcher.group(1).equals("PRIVATE KEY")) {
        privateDer = der;
      } else if (matcher.group(1).equals("PUBLIC KEY")) {
        publicDer = der;
      }
    }
    if (privateDer == null || publicDer == null) {
      throw new IOException(keyFile + " is damaged (no PRIVATE KEY and PUBLIC KEY blocks); delete the identity"
          + " directory and enroll again with a new token");
    }
    KeyFactory factory = KeyFactory.getInstance("EC");
    PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
    PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
    return new KeyPair(publicKey, privateKey);
  }

  /** Parses PEM or DER certificates. */
  static List<X509Certificate> readCertificates(byte[] bytes) throws IOException {
    try {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes));
      List<X509Certificate> result = new ArrayList<>();
      for (Certificate certificate : certificates) {
        result.add((X509Certificate) certificate);
      }
      return result;
    } catch (GeneralSecurityException e) {
      throw new IOException("not a certificate: " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
