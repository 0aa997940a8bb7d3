package dev.cairn.agent.job;

import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.retention.Decision;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.Retention;
import dev.cairn.agent.retention.SnapshotRef;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a retention policy to one volume's snapshots of one host in an in-memory catalogue
 * (the schedule simulation's): decides with the real {@link Retention#apply} and removes the records
 * it does not keep. The agent itself forgets through {@code Forgetter}, which also locks the
 * repository and refuses a policy that keeps nothing. Stateless.
 */
public final class RetentionPass {

  private RetentionPass() {}

  /** What a pass kept and removed (ids, newest first). Immutable. */
  public record Result(List<String> kept, List<String> removed) {
    public Result {
      kept = List.copyOf(kept);
      removed = List.copyOf(removed);
    }
  }

  /** Decides for {@code host}'s snapshots of {@code volume} and, unless {@code dryRun}, removes the rest. */
  public static Result apply(SnapshotCatalog catalog, String host, String volume, ForgetPolicy policy, Instant now,
      ZoneId zone, boolean dryRun) throws IOException, RepositoryException {
    List<SnapshotRef> group = catalog.list().stream()
        .filter(s -> s.host().equals(host) && s.volume().equals(volume))
        .toList();
    List<String> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (Decision decision : Retention.apply(group, policy, now, zone)) {
      (decision.keep() ? kept : removed).add(decision.snapshot().id());
    }
    if (!dryRun && !removed.isEmpty()) {
      catalog.remove(removed);
    }
    return new Result(kept, removed);
  }
}
