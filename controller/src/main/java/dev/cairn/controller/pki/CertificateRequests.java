package dev.cairn.controller.pki;

import dev.cairn.controller.error.InvalidRequestException;
import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** Checks enrollment CSRs: well-formed PKCS#10, valid self-signature, EC P-256 key, expected CN. */
public final class CertificateRequests {
  private CertificateRequests() {}

  /** Returns the CSR's public key once every check passed. */
  public static PublicKey verify(byte[] der, String expectedName) throws InvalidRequestException {
    JcaPKCS10CertificationRequest csr;
    try {
      csr = new JcaPKCS10CertificationRequest(der).setProvider(Certificates.PROVIDER);
    } catch (IOException | RuntimeException e) {
      throw new InvalidRequestException("The CSR is not a DER PKCS#10 request");
    }
    try {
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder()
          .setProvider(Certificates.PROVIDER).build(csr.getSubjectPublicKeyInfo()))) {
        throw new InvalidRequestException("The CSR's signature does not match its key");
      }
    } catch (OperatorCreationException | PKCSException e) {
      throw new InvalidRequestException("The CSR's signature cannot be checked: " + e.getMessage());
    }
    String name = Certificates.commonName(X500Name.getInstance(csr.getSubject()));
    if (!expectedName.equals(name)) {
      throw new InvalidRequestException("The CSR's CN is '" + name + "' but the node name is '"
          + expectedName + "'; they must be equal");
    }
    PublicKey key;
    try {
      key = csr.getPublicKey();
    } catch (java.security.GeneralSecurityException e) {
      throw new InvalidRequestException("The CSR's public key is unreadable");
    }
    if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new InvalidRequestException("The CSR's key must be EC P-256");
    }
    return key;
  }
}
