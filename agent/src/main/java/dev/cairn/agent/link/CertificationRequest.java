package dev.cairn.agent.link;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import javax.security.auth.x500.X500Principal;

/**
 * The PKCS#10 certificate request (RFC 2986) an agent sends to enroll: subject {@code CN=<node>},
 * its EC public key, no attributes, signed with ECDSA over SHA-256. Built with the JDK alone: the
 * subject and the key come DER-encoded from the JDK, and the rest is four fixed DER structures.
 * Bouncy Castle (which the controller uses to read the request) would bring ~160 classes and its
 * three jars' ~8,000 entries into the long-running agent for this one message (docs/operations.md,
 * memory). Stateless.
 */
final class CertificationRequest {

  /** DER of the AlgorithmIdentifier ecdsa-with-SHA256 (OID 1.2.840.10045.4.3.2, no parameters; RFC 5758). */
  private static final byte[] ECDSA_WITH_SHA256 = {0x30, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d,
      0x04, 0x03, 0x02};
  private static final byte[] VERSION_1 = {0x02, 0x01, 0x00};
  /** {@code attributes [0] IMPLICIT SET OF Attribute}, empty. */
  private static final byte[] NO_ATTRIBUTES = {(byte) 0xa0, 0x00};
  private static final int SEQUENCE = 0x30;
  private static final int BIT_STRING = 0x03;

  private CertificationRequest() {}

  /** The DER-encoded request for {@code key} (an EC key pair) as node {@code nodeName}. */
  static byte[] build(KeyPair key, String nodeName) throws GeneralSecurityException {
    byte[] info = der(SEQUENCE, VERSION_1, new X500Principal("CN=" + nodeName).getEncoded(),
        key.getPublic().getEncoded(), NO_ATTRIBUTES);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key.getPrivate());
    signer.update(info);
    byte[] signature = signer.sign();
    byte[] bits = new byte[signature.length + 1]; // leading byte: no unused bits
    System.arraycopy(signature, 0, bits, 1, signature.length);
    return der(SEQUENCE, info, ECDSA_WITH_SHA256, der(BIT_STRING, bits));
  }

  /** One DER value: tag, definite length, then the concatenated contents. */
  static byte[] der(int tag, byte[]... contents) {
    int length = 0;
    for (byte[] content : contents) {
      length += content.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    for (byte[] content : contents) {
      out.writeBytes(content);
    }
    return out.toByteArray();
  }
}
