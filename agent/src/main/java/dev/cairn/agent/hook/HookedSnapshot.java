package dev.cairn.agent.hook;

import dev.cairn.agent.snapshot.SnapshotPipeline;
import dev.cairn.agent.snapshot.SnapshotResult;
import java.nio.file.Path;
import java.util.List;

/**
 * An application-consistent snapshot: the services' pre hooks, {@link SnapshotPipeline#run}, then
 * their post hooks (always) and the cleanup (see {@link HookSequence}). Immutable; thread-safe if
 * its sequence is.
 */
public final class HookedSnapshot {

  private final HookSequence sequence;
  private final List<HookPlan> plans;

  public HookedSnapshot(HookSequence sequence, List<HookPlan> plans) {
    this.sequence = sequence;
    this.plans = List.copyOf(plans);
  }

  /** Runs {@code pipeline} on {@code source} between the hooks; failures are in the result, not thrown. */
  public HookedSnapshotResult run(SnapshotPipeline pipeline, Path source) throws InterruptedException {
    HookSequence.Result<SnapshotResult> result = sequence.around(plans, () -> pipeline.run(source));
    String error = null;
    if (!result.ran()) {
      error = "snapshot not taken: a pre hook failed: " + firstFatal(result.report());
    } else if (result.failure() != null) {
      error = "snapshot failed: " + result.failure().getMessage();
    } else if (result.report().failed()) {
      error = "snapshot " + result.value().record().shortId() + " saved, but a post hook failed: "
          + firstFatal(result.report());
    }
    return new HookedSnapshotResult(result.value(), result.report(), error);
  }

  private static String firstFatal(HookReport report) {
    return report.outcomes().stream().filter(HookOutcome::fatal).findFirst().map(HookOutcome::summary).orElse("?");
  }
}
