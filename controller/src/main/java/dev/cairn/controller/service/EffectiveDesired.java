package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A node's effective desired state: its inventory document (if the inventory lists or listed it),
 * then its groups' documents merged in group order, then its own on top. {@code version} is the
 * highest version among those inputs and the node's membership, so any change to any input raises
 * it. Version 0: nothing was ever set. {@code fromInventory}: an inventory document is the base,
 * so the result must be a valid desired-state document (docs/inventory.md).
 */
public record EffectiveDesired(long version, ObjectNode spec, Instant updated,
    boolean fromInventory) {}
