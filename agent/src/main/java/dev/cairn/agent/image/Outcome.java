package dev.cairn.agent.image;

/** What an operation did, in the vocabulary operators know from Ansible. */
public enum Outcome {
  /** Nothing needed doing: the node already was as asked. */
  OK,
  /** The node changed (image loaded, alias moved, blobs freed). */
  CHANGED,
  /** The operation failed; the result's detail says why and what to do. */
  FAILED,
  /** Not attempted (e.g. an earlier step failed). */
  SKIPPED
}
