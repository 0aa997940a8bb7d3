package dev.cairn.controller.model;

import java.time.Instant;

/**
 * A one-time enrollment token, stored by the SHA-256 {@code hash} of its secret. {@code node} is
 * the only name it may enroll (null: any name not yet enrolled). {@code usedAt}/{@code usedBy} are
 * set when it is spent.
 */
public record EnrollmentTokenRecord(
    String id,
    String hash,
    String node,
    Instant created,
    Instant expiresAt,
    String createdBy,
    Instant usedAt,
    String usedBy) {

  public boolean used() {
    return usedAt != null;
  }

  public EnrollmentTokenRecord withUse(Instant at, String nodeName) {
    return new EnrollmentTokenRecord(id, hash, node, created, expiresAt, createdBy, at, nodeName);
  }
}
