package dev.cairn.agent.link;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What enrollment gave the node: its private key (generated here, never sent), its client
 * certificate (CN = node name) and the controller's CA certificate it pins. Immutable.
 */
public record NodeIdentity(PrivateKey key, X509Certificate certificate, X509Certificate ca) {

  public NodeIdentity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(ca, "ca");
  }

  /** The node name: the CN of the certificate. */
  public String nodeName() {
    return commonName(certificate);
  }

  /** The CN of a certificate's subject, or "" if it has none. */
  public static String commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return String.valueOf(rdn.getValue());
        }
      }
      return "";
    } catch (InvalidNameException e) {
      return "";
    }
  }
}
