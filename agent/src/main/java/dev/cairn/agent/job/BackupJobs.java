package dev.cairn.agent.job;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.retention.ForgetPolicy;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The backup operations on this node's volumes, shared by the command handlers and the scheduler.
 * Each returns what happened as a {@link Completion} (FAILED for damage found, e.g. a failed
 * restore test) and throws {@link JobException} when it could not run. A snapshot's completion
 * carries the new snapshot's id in its details under {@link #SNAPSHOT_ID}.
 */
public interface BackupJobs {

  /** Details key of the snapshot id a snapshot job made. */
  String SNAPSHOT_ID = "snapshot";

  /** Snapshots one volume into the default repository. */
  Completion snapshot(String volume, List<String> tags) throws JobException, IOException, InterruptedException;

  /** Restores a snapshot ({@code latest} of the volume, or an id) into {@code target} (empty = the volume). */
  Completion restore(String volume, String snapshot, String target, List<String> include)
      throws JobException, IOException, InterruptedException;

  /** Verifies the default repository, reading {@code readDataPercent} of its packs. */
  Completion verify(double readDataPercent) throws JobException, IOException, InterruptedException;

  /** Restores a snapshot ({@code latest} of the volume, or an id) to scratch and checks it against the manifest. */
  Completion restoreTest(String volume, String snapshot) throws JobException, IOException, InterruptedException;

  /** Applies {@code policy} at {@code now} to the volume's snapshots of this host. */
  Completion forget(String volume, ForgetPolicy policy, Instant now, boolean dryRun)
      throws JobException, IOException, InterruptedException;

  /** Removes data no snapshot references from the default repository. */
  Completion prune() throws JobException, IOException, InterruptedException;

  /** Copies a snapshot of the default repository to the archive repository. */
  Completion archive(String snapshotId) throws JobException, IOException, InterruptedException;

  /**
   * Unpauses the containers that snapshots left paused because their process died between a pause
   * hook and its unpause (docs/hooks.md): OK when there were none, CHANGED when it unpaused or struck
   * out some, FAILED when some are left.
   */
  Completion recoverPauses() throws JobException, IOException, InterruptedException;
}
