package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A node's effective desired state: its groups' documents merged in group order, then its own on
 * top. {@code version} is the highest version among those inputs and the node's membership, so
 * any change to any input raises it. Version 0: nothing was ever set.
 */
public record EffectiveDesired(long version, ObjectNode spec, Instant updated) {}
