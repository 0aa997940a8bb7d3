package dev.cairn.agent.schedule;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.job.BackupJobs;
import dev.cairn.agent.job.RetentionPass;
import dev.cairn.agent.job.SnapshotCatalog;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.SnapshotRef;
import dev.cairn.agent.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test double for {@link BackupJobs}: years of snapshots cannot be taken for real in a unit test,
 * so a snapshot is a {@link SnapshotRef} at the simulated time in an in-memory catalogue (and
 * "takes" one simulated minute). Retention decides with the real {@code Retention.apply}
 * ({@link RetentionPass}) over that catalogue.
 * Counts every call; {@link #failSnapshots} makes snapshots fail. Not thread-safe.
 */
final class SimulatedBackupJobs implements BackupJobs, SnapshotCatalog {

  static final Duration SNAPSHOT_TAKES = Duration.ofMinutes(1);

  final Map<String, SnapshotRef> catalog = new LinkedHashMap<>();
  final List<SnapshotRef> taken = new ArrayList<>();
  final List<String> archived = new ArrayList<>();
  final Map<String, Integer> calls = new LinkedHashMap<>();
  boolean failSnapshots;
  private final MutableClock clock;
  private final String host;
  private final ZoneId zone;

  SimulatedBackupJobs(MutableClock clock, String host, ZoneId zone) {
    this.clock = clock;
    this.host = host;
    this.zone = zone;
  }

  private void count(String what) {
    calls.merge(what, 1, Integer::sum);
  }

  int calls(String what) {
    return calls.getOrDefault(what, 0);
  }

  @Override
  public Completion snapshot(String volume, List<String> tags) {
    count("snapshot:" + String.join(",", tags));
    if (failSnapshots) {
      return Completion.failed("simulated failure: volume unreadable");
    }
    String id = UUID.randomUUID().toString().replace("-", "");
    SnapshotRef ref = new SnapshotRef(id, clock.instant(), host, volume, tags);
    catalog.put(ref.id(), ref);
    taken.add(ref);
    clock.advance(SNAPSHOT_TAKES);
    return Completion.changed("snapshot " + ref.id().substring(0, 8) + " saved", Map.of(SNAPSHOT_ID, ref.id()));
  }

  @Override
  public Completion restore(String volume, String snapshot, String target, List<String> include) {
    count("restore");
    return Completion.changed("restored", Map.of());
  }

  @Override
  public Completion verify(double readDataPercent) {
    count("verify");
    return Completion.ok("healthy", Map.of("readDataPercent", readDataPercent));
  }

  @Override
  public Completion restoreTest(String volume, String snapshot) {
    count("restore-test");
    return Completion.ok("pass");
  }

  @Override
  public Completion forget(String volume, ForgetPolicy policy, Instant now, boolean dryRun) throws IOException {
    count("forget");
    try {
      RetentionPass.Result result = RetentionPass.apply(this, host, volume, policy, now, zone, dryRun);
      return Completion.ok("removed " + result.removed().size(), Map.of("removed", result.removed()));
    } catch (RepositoryException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Completion recoverPauses() {
    return Completion.ok("no container left paused by a snapshot");
  }

  @Override
  public Completion prune() {
    count("prune");
    return Completion.ok("pruned");
  }

  @Override
  public Completion archive(String snapshotId) {
    count("archive");
    archived.add(snapshotId);
    return Completion.changed("archived", Map.of());
  }

  @Override
  public List<SnapshotRef> list() {
    return List.copyOf(catalog.values());
  }

  @Override
  public void remove(List<String> ids) {
    ids.forEach(catalog::remove);
  }
}
