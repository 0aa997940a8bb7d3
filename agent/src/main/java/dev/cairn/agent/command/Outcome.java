package dev.cairn.agent.command;

/** How a command ended, in the Ansible vocabulary operators know. */
public enum Outcome {
  /** Ran; nothing needed to change. */
  OK,
  /** Ran and changed something on the node. */
  CHANGED,
  /** Did not achieve its goal; the message says why and what to do. */
  FAILED,
  /** Not run: expired, already applied, or not applicable. */
  SKIPPED
}
