package dev.cairn.agent.link;

import java.util.Objects;

/** What the operator gives a node to enroll: the one-time token, the CA fingerprint and the node name. Immutable. */
public record EnrollmentSettings(String token, CaFingerprint fingerprint, String nodeName) {

  public EnrollmentSettings {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(nodeName, "nodeName");
  }

  @Override
  public String toString() {
    return "EnrollmentSettings[node=" + nodeName + ", ca=" + fingerprint + ", token=<hidden>]";
  }
}
