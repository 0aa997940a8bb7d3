package dev.cairn.controller.model;

/** Whom a desired-state document addresses: one node, or every member of a group. */
public enum DesiredScope {
  NODE,
  GROUP
}
