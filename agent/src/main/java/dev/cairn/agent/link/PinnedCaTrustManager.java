package dev.cairn.agent.link;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a controller's TLS certificate only if the pinned CA signed it: before enrollment the CA
 * is found in the presented chain by its {@link CaFingerprint}; after enrollment it is the CA
 * certificate received then. The leaf must be valid now and, if it lists extended key usages,
 * allow server authentication (agent certificates from the same CA do not). Host names are not
 * checked: the pin already names the one controller, and nodes often reach it through tunnels or
 * addresses its certificate cannot list. Immutable and thread-safe.
 */
public final class PinnedCaTrustManager extends X509ExtendedTrustManager {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private final CaFingerprint fingerprint;
  private final X509Certificate ca;

  private PinnedCaTrustManager(CaFingerprint fingerprint, X509Certificate ca) {
    this.fingerprint = fingerprint;
    this.ca = ca;
  }

  /** Before enrollment: the CA must be in the presented chain and have this fingerprint. */
  public static PinnedCaTrustManager forFingerprint(CaFingerprint fingerprint) {
    return new PinnedCaTrustManager(fingerprint, null);
  }

  /** After enrollment: the CA certificate received at enrollment. */
  public static PinnedCaTrustManager forCa(X509Certificate ca) {
    return new PinnedCaTrustManager(CaFingerprint.of(ca), ca);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the controller presented no certificate");
    }
    X509Certificate issuer = ca != null ? ca : findPinned(chain);
    X509Certificate leaf = chain[0];
    leaf.checkValidity();
    if (!leaf.equals(issuer)) {
      try {
        leaf.verify(issuer.getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new CertificateException("the controller's certificate " + leaf.getSubjectX500Principal()
            + " is not signed by the pinned CA " + fingerprint + ": wrong controller address or a foreign server", e);
      }
    }
    List<String> usages = leaf.getExtendedKeyUsage();
    if (usages != null && !usages.contains(SERVER_AUTH)) {
      throw new CertificateException("the certificate " + leaf.getSubjectX500Principal()
          + " is not a server certificate (no serverAuth extended key usage)");
    }
  }

  private X509Certificate findPinned(X509Certificate[] chain) throws CertificateException {
    for (X509Certificate certificate : chain) {
      if (fingerprint.matches(certificate)) {
        return certificate;
      }
    }
    throw new CertificateException("the controller's certificate chain does not contain the CA with fingerprint "
        + fingerprint + ": check the controller address and the fingerprint printed with the enrollment token");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("the agent does not accept TLS clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return ca == null ? new X509Certificate[0] : new X509Certificate[] {ca};
  }
}
