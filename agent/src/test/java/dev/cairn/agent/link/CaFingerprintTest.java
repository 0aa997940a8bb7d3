package dev.cairn.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaFingerprintTest {

  @Test
  void parse_printedForm_roundTripsAndMatchesOnlyItsCertificate() throws Exception {
    TestCa ca = TestCa.create("ca");
    TestCa other = TestCa.create("other");
    String printed = ca.fingerprint().toString();
    assertThat(printed).matches("sha256:[0-9a-f]{64}");
    CaFingerprint parsed = CaFingerprint.parse(printed);
    assertThat(parsed).isEqualTo(ca.fingerprint());
    assertThat(parsed.matches(ca.certificate)).isTrue();
    assertThat(parsed.matches(other.certificate)).isFalse();
  }

  @Test
  void parse_upperCaseWithColons_isAccepted() throws Exception {
    TestCa ca = TestCa.create("ca");
    String hex = ca.fingerprint().toString().substring("sha256:".length()).toUpperCase();
    StringBuilder colons = new StringBuilder("SHA256:");
    for (int i = 0; i < hex.length(); i += 2) {
      colons.append(i == 0 ? "" : ":").append(hex, i, i + 2);
    }
    assertThat(CaFingerprint.parse(colons.toString())).isEqualTo(ca.fingerprint());
  }

  @Test
  void parse_missingPrefixOrWrongLength_saysWhatAFingerprintLooksLike() {
    assertThatThrownBy(() -> CaFingerprint.parse("abcd")).hasMessageContaining("must start with 'sha256:'");
    assertThatThrownBy(() -> CaFingerprint.parse("sha256:abcd")).hasMessageContaining("64 hex digits");
  }
}
