package dev.cairn.agent.hook;

import dev.cairn.agent.snapshot.SnapshotResult;

/**
 * A snapshot taken between hooks. Immutable.
 *
 * @param snapshot the saved snapshot, or null when none was saved (a pre hook or the snapshot failed)
 * @param hooks every hook step that ran
 * @param error what went wrong, for people, or null when the snapshot and all {@code fail} hooks succeeded
 */
public record HookedSnapshotResult(SnapshotResult snapshot, HookReport hooks, String error) {

  /** Whether the snapshot was saved and no hook whose policy is {@code fail} failed. */
  public boolean ok() {
    return error == null;
  }
}
