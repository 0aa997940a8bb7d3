package dev.cairn.controller.model;

import java.time.Instant;
import java.util.List;

/**
 * What the controller stores about one node: identity (enrollment, certificate serial,
 * revocation), group membership, what the agent last told it, and the sequence cursors of the
 * link protocol ({@code lastAgentSeq}, {@code lastAckedCommandSeq}; see docs/protocol.md), and
 * its relation to the applied inventory ({@link InventoryStatus}).
 * Immutable; change it with the {@code with*} methods.
 */
public record NodeRecord(
    String name,
    Instant enrolledAt,
    String certificateSerial,
    boolean revoked,
    Instant revokedAt,
    List<String> groups,
    long membershipVersion,
    String agentVersion,
    String hostname,
    Instant lastSeen,
    long appliedVersion,
    String appliedOutcome,
    String appliedMessage,
    long lastAgentSeq,
    long lastAckedCommandSeq,
    InventoryStatus inventory) {

  public NodeRecord {
    groups = groups == null ? List.of() : List.copyOf(groups);
    inventory = inventory == null ? InventoryStatus.NONE : inventory;
  }

  /** A node known by name only (desired state or groups set before it enrolled). */
  public static NodeRecord named(String name) {
    return new NodeRecord(name, null, null, false, null, List.of(), 0, null, null, null, 0, null,
        null, 0, 0, InventoryStatus.NONE);
  }

  public boolean enrolled() {
    return certificateSerial != null;
  }

  /** A new certificate: no longer revoked, and no longer retired if it was. */
  public NodeRecord withEnrollment(Instant at, String serial) {
    return new NodeRecord(name, at, serial, false, null, groups, membershipVersion, agentVersion,
        hostname, lastSeen, appliedVersion, appliedOutcome, appliedMessage, lastAgentSeq,
        lastAckedCommandSeq, inventory.asEnrolled());
  }

  public NodeRecord withRevoked(Instant at) {
    return new NodeRecord(name, enrolledAt, certificateSerial, true, at, groups,
        membershipVersion, agentVersion, hostname, lastSeen, appliedVersion, appliedOutcome,
        appliedMessage, lastAgentSeq, lastAckedCommandSeq, inventory);
  }

  public NodeRecord withGroups(List<String> newGroups, long version) {
    return new NodeRecord(name, enrolledAt, certificateSerial, revoked, revokedAt, newGroups,
        version, agentVersion, hostname, lastSeen, appliedVersion, appliedOutcome, appliedMessage,
        lastAgentSeq, lastAckedCommandSeq, inventory);
  }

  public NodeRecord withHello(String newAgentVersion, String newHostname, Instant seen) {
    return new NodeRecord(name, enrolledAt, certificateSerial, revoked, revokedAt, groups,
        membershipVersion, newAgentVersion, newHostname, seen, appliedVersion, appliedOutcome,
        appliedMessage, lastAgentSeq, lastAckedCommandSeq, inventory);
  }

  public NodeRecord withLastSeen(Instant seen) {
    return new NodeRecord(name, enrolledAt, certificateSerial, revoked, revokedAt, groups,
        membershipVersion, agentVersion, hostname, seen, appliedVersion, appliedOutcome,
        appliedMessage, lastAgentSeq, lastAckedCommandSeq, inventory);
  }

  public NodeRecord withApplied(long version, String outcome, String message) {
    return new NodeRecord(name, enrolledAt, certificateSerial, revoked, revokedAt, groups,
        membershipVersion, agentVersion, hostname, lastSeen, version, outcome, message,
        lastAgentSeq, lastAckedCommandSeq, inventory);
  }

  public NodeRecord withLastAgentSeq(long seq, Instant seen) {
    return new NodeRecord(name, enrolledAt, certificateSerial, revoked, revokedAt, groups,
        membershipVersion, agentVersion, hostname, seen, appliedVersion, appliedOutcome,
        appliedMessage, seq, lastAckedCommandSeq, inventory);
  }

  public NodeRecord withLastAckedCommandSeq(long seq) {
    return new NodeRecord(name, enrolledAt, certificateSerial, revoked, revokedAt, groups,
        membershipVersion, agentVersion, hostname, lastSeen, appliedVersion, appliedOutcome,
        appliedMessage, lastAgentSeq, seq, inventory);
  }

  public NodeRecord withInventory(InventoryStatus status) {
    return new NodeRecord(name, enrolledAt, certificateSerial, revoked, revokedAt, groups,
        membershipVersion, agentVersion, hostname, lastSeen, appliedVersion, appliedOutcome,
        appliedMessage, lastAgentSeq, lastAckedCommandSeq, status);
  }
}
