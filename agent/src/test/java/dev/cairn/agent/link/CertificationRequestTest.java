package dev.cairn.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

/** The agent's hand-built PKCS#10 request, read by Bouncy Castle as the controller reads it. */
class CertificationRequestTest {

  @Test
  void build_isAValidRequestForTheNodeAndItsKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = generator.generateKeyPair();
    String node = "edge-" + "x".repeat(58); // the longest node name

    JcaPKCS10CertificationRequest read = new JcaPKCS10CertificationRequest(CertificationRequest.build(key, node));

    assertThat(read.getSubject().toString()).isEqualTo("CN=" + node);
    assertThat(read.getPublicKey()).isEqualTo(key.getPublic());
    assertThat(read.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.4.3.2");
    assertThat(read.getAttributes()).isEmpty();
    assertThat(read.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.getPublic()))).isTrue();
    KeyPair other = KeyPairGenerator.getInstance("EC").generateKeyPair();
    assertThat(new PKCS10CertificationRequest(CertificationRequest.build(key, node))
        .isSignatureValid(new JcaContentVerifierProviderBuilder().build(other.getPublic()))).isFalse();
  }

  @Test
  void der_lengthsInShortAndLongForm_readBack() throws Exception {
    for (int length : new int[] {0, 1, 127, 128, 255, 256, 65_535, 65_536, 1 << 24}) {
      ASN1Primitive read = ASN1Primitive.fromByteArray(CertificationRequest.der(0x04, new byte[length]));

      assertThat(((ASN1OctetString) read).getOctets()).as("length %d", length).hasSize(length);
    }
  }
}
