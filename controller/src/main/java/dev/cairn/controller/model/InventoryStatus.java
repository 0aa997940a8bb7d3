package dev.cairn.controller.model;

import java.time.Instant;

/**
 * How a node relates to the applied inventory. {@code listed}: it is a host of the applied
 * inventory. {@code orphanedAt}: it was a host of an earlier applied inventory and the current
 * one dropped it (kept until an admin retires it). {@code flaggedAt}: it enrolled (or stayed) while
 * an inventory was applied that does not list it. {@code retiredAt}: an admin retired it.
 * Immutable.
 */
public record InventoryStatus(
    boolean listed, Instant orphanedAt, Instant flaggedAt, Instant retiredAt) {

  /** A node no inventory has spoken about. */
  public static final InventoryStatus NONE = new InventoryStatus(false, null, null, null);

  public boolean orphaned() {
    return orphanedAt != null;
  }

  public boolean retired() {
    return retiredAt != null;
  }

  /** Listed by the applied inventory: not orphaned, not flagged, not retired. */
  public InventoryStatus asListed() {
    return new InventoryStatus(true, null, null, null);
  }

  public InventoryStatus asOrphaned(Instant at) {
    return new InventoryStatus(false, orphanedAt != null ? orphanedAt : at, null, retiredAt);
  }

  public InventoryStatus asFlagged(Instant at) {
    return new InventoryStatus(false, orphanedAt, flaggedAt != null ? flaggedAt : at, retiredAt);
  }

  public InventoryStatus asRetired(Instant at) {
    return new InventoryStatus(false, orphanedAt, flaggedAt, at);
  }

  /** After a new enrollment: no longer retired; the rest stays. */
  public InventoryStatus asEnrolled() {
    return new InventoryStatus(listed, orphanedAt, flaggedAt, null);
  }
}
