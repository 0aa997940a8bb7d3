package dev.cairn.controller.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM encoding, fingerprints and names of X.509 certificates and keys. */
public final class Certificates {
  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private Certificates() {}

  /** {@code sha256:<hex>} of the certificate's DER encoding: what operators pin. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("Cannot fingerprint a certificate", e);
    }
  }

  /** The subject's common name, or null if it has none. */
  public static String commonName(X500Name name) {
    RDN[] rdns = name.getRDNs(BCStyle.CN);
    return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  public static String commonName(X509Certificate certificate) {
    return commonName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
  }

  /** The serial number as lower-case hex: how node records refer to a certificate. */
  public static String serial(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }

  public static X509Certificate fromDer(byte[] der) throws CertificateException {
    try {
      return convert(new X509CertificateHolder(der));
    } catch (IOException e) {
      throw new CertificateException("Not a DER certificate: " + e.getMessage(), e);
    }
  }

  static X509Certificate convert(X509CertificateHolder holder) throws CertificateException {
    return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(holder);
  }

  public static String toPem(Object certificateOrKey) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificateOrKey instanceof PrivateKey key
          ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate()
          : certificateOrKey);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot PEM-encode " + certificateOrKey.getClass(), e);
    }
    return out.toString();
  }

  public static X509Certificate certificateFromPem(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      if (!(object instanceof X509CertificateHolder holder)) {
        throw new IOException("Expected a PEM certificate, found " + describe(object));
      }
      return convert(holder);
    } catch (CertificateException e) {
      throw new IOException("Unreadable certificate: " + e.getMessage(), e);
    }
  }

  public static PrivateKey privateKeyFromPem(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      if (!(object instanceof PrivateKeyInfo info)) {
        throw new IOException("Expected a PKCS#8 PEM private key, found " + describe(object));
      }
      return new JcaPEMKeyConverter().setProvider(PROVIDER).getPrivateKey(info);
    }
  }

  private static String describe(Object object) {
    return object == null ? "nothing" : object.getClass().getSimpleName();
  }
}
