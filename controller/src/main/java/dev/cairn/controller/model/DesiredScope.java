package dev.cairn.controller.model;

/**
 * Whom a desired-state document addresses: one node, every member of a group, or one node as the
 * applied inventory resolves it (the base its group and node documents override).
 */
public enum DesiredScope {
  NODE,
  GROUP,
  INVENTORY
}
