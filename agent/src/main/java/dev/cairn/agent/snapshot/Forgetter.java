package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.retention.Decision;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.Retention;
import dev.cairn.agent.retention.SnapshotRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes snapshot records by a retention policy ({@link Retention#apply}: restic's {@code forget}
 * semantics, grouped by host and volume) or by id, under the exclusive lock, and optionally prunes
 * under the same lock. Like restic it refuses an empty policy, and a policy that would remove
 * every snapshot of a group unless {@link ForgetOptions#allowRemoveAll()}. Removing a record frees
 * no data; {@link Pruner} does.
 */
public final class Forgetter {

  private final Repository repository;

  public Forgetter(Repository repository) {
    this.repository = repository;
  }

  /**
   * Applies {@code policy} to the snapshots {@code options} selects.
   *
   * @throws ForgetRefusedException for an empty policy, or one that keeps no snapshot of a group
   *     (unless allowed); nothing is removed then
   */
  public ForgetReport apply(ForgetPolicy policy, ForgetOptions options)
      throws IOException, RepositoryException, InterruptedException {
    long start = System.nanoTime();
    if (policy.isEmpty()) {
      throw new ForgetRefusedException("no policy given, so nothing would be removed: give --keep-* rules "
          + "(e.g. --keep-daily 7) or --policy " + ForgetPolicy.GFS_DEFAULT);
    }
    try (RepositoryLock lock = repository.lockExclusive("forget")) {
      Map<String, SnapshotRecord> records = new LinkedHashMap<>();
      List<SnapshotRef> refs = new ArrayList<>();
      for (SnapshotRecord record : repository.snapshots()) {
        if (options.selects(record.host(), record.volume())) {
          records.put(record.id(), record);
          refs.add(ref(record));
        }
      }
      List<ForgetReport.Group> groups = group(Retention.apply(refs, policy, options.now(), options.zone()), records);
      if (!options.allowRemoveAll()) {
        for (ForgetReport.Group group : groups) {
          if (group.keep().isEmpty()) {
            throw new ForgetRefusedException("refusing to remove all " + group.remove().size()
                + " snapshot(s) of host '" + group.host() + "', volume '" + group.volume() + "': the policy ("
                + policy.toFlags() + ") keeps none of them. Check the policy (a mistyped --keep-tag?), or allow "
                + "it with --unsafe-allow-remove-all; nothing was removed");
          }
        }
      }
      return finish(policy.toFlags(), groups, options, start, lock);
    }
  }

  /**
   * Removes the snapshots with these ids or unique id prefixes (restic's {@code forget ID...}).
   *
   * @throws dev.cairn.agent.repository.SnapshotNotFoundException if an id matches no snapshot or
   *     is ambiguous; nothing is removed then
   */
  public ForgetReport remove(List<String> ids, ForgetOptions options)
      throws IOException, RepositoryException, InterruptedException {
    long start = System.nanoTime();
    try (RepositoryLock lock = repository.lockExclusive("forget")) {
      Map<String, SnapshotRecord> records = new LinkedHashMap<>();
      for (String id : ids) {
        SnapshotRecord record = repository.findSnapshot(id, null, null);
        records.put(record.id(), record);
      }
      List<Decision> decisions = new ArrayList<>();
      for (SnapshotRecord record : records.values()) {
        decisions.add(new Decision(ref(record), false, List.of()));
      }
      return finish("explicit ids", group(decisions, records), options, start, lock);
    }
  }

  private ForgetReport finish(String policy, List<ForgetReport.Group> groups, ForgetOptions options, long start,
      RepositoryLock lock) throws IOException, RepositoryException, InterruptedException {
    int removed = 0;
    if (!options.dryRun()) {
      for (ForgetReport.Group group : groups) {
        for (ForgetReport.Entry entry : group.remove()) {
          repository.removeSnapshot(entry.id());
          removed++;
        }
      }
    }
    PruneReport prune = options.prune() && removed > 0 ? new Pruner(repository).pruneLocked(lock) : null;
    return new ForgetReport(policy, options.dryRun(), groups, prune, (System.nanoTime() - start) / 1e9);
  }

  /** Splits each group (host, volume; decisions come newest first) into kept and removed snapshots. */
  private static List<ForgetReport.Group> group(List<Decision> decisions, Map<String, SnapshotRecord> records) {
    Map<List<String>, List<List<ForgetReport.Entry>>> groups = new LinkedHashMap<>();
    for (Decision decision : decisions) {
      SnapshotRef ref = decision.snapshot();
      List<List<ForgetReport.Entry>> lists = groups.computeIfAbsent(List.of(ref.host(), ref.volume()),
          k -> List.of(new ArrayList<>(), new ArrayList<>()));
      lists.get(decision.keep() ? 0 : 1).add(entry(records.get(ref.id()), decision.reasons()));
    }
    List<ForgetReport.Group> result = new ArrayList<>();
    groups.forEach((key, lists) -> result.add(new ForgetReport.Group(key.get(0), key.get(1), lists.get(0),
        lists.get(1))));
    return result;
  }

  private static SnapshotRef ref(SnapshotRecord record) {
    return new SnapshotRef(record.id(), record.instant(), record.host(), record.volume(), record.tags());
  }

  private static ForgetReport.Entry entry(SnapshotRecord record, List<String> reasons) {
    return new ForgetReport.Entry(record.id(), record.time(), record.tags(), reasons);
  }
}
