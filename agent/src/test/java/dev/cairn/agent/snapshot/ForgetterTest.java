package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.RepositoryLockedException;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.retention.ForgetPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Forgetter} on real repositories: removal by policy and by id, refusals, locking, forget + prune. */
class ForgetterTest {

  @TempDir Path tmp;

  private SnapshotResult snapshot(Repository repo, String host, String volume, Path source, String... tags)
      throws Exception {
    return new SnapshotPipeline(repo, SnapshotOptions.of(volume, List.of(tags), host), SnapshotProgress.NONE)
        .run(source);
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static List<String> ids(Repository repo) throws Exception {
    return repo.snapshots().stream().map(SnapshotRecord::id).toList();
  }

  @Test
  void apply_keepLastWithPrune_removesOlderFreesTheirDataAndKeptSnapshotsRestoreExactly() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"), 1 << 20);
    List<Path> sources = new ArrayList<>();
    List<SnapshotResult> taken = new ArrayList<>();
    for (int i = 0; i < 4; i++) { // each state of the volume lives on in its own directory
      Path source = new RandomTree(40 + i, tmp.resolve("src" + i)).build(25, 2);
      sources.add(source);
      taken.add(snapshot(repo, "h", "v", source));
    }
    long before = size(tmp.resolve("repo/data"));

    ForgetReport report = new Forgetter(repo).apply(ForgetPolicy.builder().last(2).build(),
        ForgetOptions.defaults().withPrune(true));

    assertThat(report.groups()).hasSize(1);
    assertThat(report.groups().get(0).keep()).extracting(ForgetReport.Entry::id)
        .containsExactly(taken.get(3).id(), taken.get(2).id());
    assertThat(report.groups().get(0).keep().get(0).reasons()).containsExactly("last snapshot");
    assertThat(report.groups().get(0).remove()).extracting(ForgetReport.Entry::id)
        .containsExactly(taken.get(1).id(), taken.get(0).id());
    assertThat(ids(repo)).containsExactly(taken.get(2).id(), taken.get(3).id());
    assertThat(report.prune()).isNotNull();
    assertThat(report.prune().bytesFreed()).isPositive();
    assertThat(size(tmp.resolve("repo/data"))).isLessThan(before);
    VerifyReport verify = new Verifier(repo, 1, 2).run();
    assertThat(verify.healthy()).as("errors %s, damaged %s", verify.errors(), verify.damaged()).isTrue();
    assertThat(verify.warnings()).isEmpty();
    for (int i = 2; i < 4; i++) {
      Path target = tmp.resolve("restored" + i);
      RestoreResult restored = new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE)
          .run(taken.get(i).record(), target);
      assertThat(restored.damaged()).isEmpty();
      assertThat(restored.errors()).isEmpty();
      TreeComparison.assertSameTree(sources.get(i), target);
    }
  }

  @Test
  void apply_dryRun_reportsButRemovesNothing() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    Path source = new RandomTree(50, tmp.resolve("src")).build(5, 1);
    snapshot(repo, "h", "v", source);
    snapshot(repo, "h", "v", source);
    List<String> before = ids(repo);

    ForgetReport report = new Forgetter(repo).apply(ForgetPolicy.builder().last(1).build(),
        ForgetOptions.defaults().withDryRun(true).withPrune(true));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.removed()).isEqualTo(1);
    assertThat(report.prune()).isNull();
    assertThat(ids(repo)).isEqualTo(before);
  }

  @Test
  void apply_groups_judgesEachHostAndVolumeAlone() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    Path source = new RandomTree(51, tmp.resolve("src")).build(5, 1);
    SnapshotResult a1 = snapshot(repo, "h1", "a", source);
    SnapshotResult a2 = snapshot(repo, "h1", "a", source);
    SnapshotResult b1 = snapshot(repo, "h1", "b", source);
    SnapshotResult other1 = snapshot(repo, "h2", "a", source);

    ForgetReport report = new Forgetter(repo).apply(ForgetPolicy.builder().last(1).build(), ForgetOptions.defaults());

    assertThat(report.groups()).extracting(g -> g.host() + "/" + g.volume()).containsExactly("h1/a", "h1/b", "h2/a");
    assertThat(ids(repo)).containsExactlyInAnyOrder(a2.id(), b1.id(), other1.id());
    assertThat(report.removed()).isEqualTo(1);
    assertThat(report.groups().get(0).remove()).extracting(ForgetReport.Entry::id).containsExactly(a1.id());
  }

  @Test
  void apply_volumeFilter_leavesOtherVolumesAlone() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    Path source = new RandomTree(52, tmp.resolve("src")).build(5, 1);
    SnapshotResult a1 = snapshot(repo, "h", "a", source);
    SnapshotResult b1 = snapshot(repo, "h", "b", source);
    SnapshotResult b2 = snapshot(repo, "h", "b", source);

    new Forgetter(repo).apply(ForgetPolicy.builder().last(1).build(), ForgetOptions.defaults().only(null, "b"));

    assertThat(ids(repo)).containsExactlyInAnyOrder(a1.id(), b2.id()).doesNotContain(b1.id());
  }

  @Test
  void apply_policyKeepingNothingOfAGroup_refusesAndRemovesNothing() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    Path source = new RandomTree(53, tmp.resolve("src")).build(5, 1);
    snapshot(repo, "h", "v", source, "daily");
    snapshot(repo, "h", "w", source, "important");
    List<String> before = ids(repo);
    ForgetPolicy typo = ForgetPolicy.builder().keepTags(List.of("importnat")).build();

    assertThatThrownBy(() -> new Forgetter(repo).apply(typo, ForgetOptions.defaults()))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessageContaining("refusing to remove all 1 snapshot(s) of host 'h', volume 'v'")
        .hasMessageContaining("--unsafe-allow-remove-all");
    assertThat(ids(repo)).isEqualTo(before);

    ForgetReport forced = new Forgetter(repo).apply(typo, ForgetOptions.defaults().withAllowRemoveAll(true));
    assertThat(forced.removed()).isEqualTo(2);
    assertThat(ids(repo)).isEmpty();
  }

  @Test
  void apply_emptyPolicy_refuses() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    snapshot(repo, "h", "v", new RandomTree(54, tmp.resolve("src")).build(3, 1));

    assertThatThrownBy(() -> new Forgetter(repo).apply(ForgetPolicy.builder().build(), ForgetOptions.defaults()))
        .isInstanceOf(ForgetRefusedException.class).hasMessageContaining("no policy given");
    assertThat(ids(repo)).hasSize(1);
  }

  @Test
  void apply_whileASnapshotHoldsTheSharedLock_failsWithoutRemoving() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    Path source = new RandomTree(55, tmp.resolve("src")).build(3, 1);
    snapshot(repo, "h", "v", source);
    snapshot(repo, "h", "v", source);

    try (RepositoryLock shared = repo.lockShared("snapshot elsewhere")) {
      assertThatThrownBy(() -> new Forgetter(repo).apply(ForgetPolicy.builder().last(1).build(),
          ForgetOptions.defaults())).isInstanceOf(RepositoryLockedException.class);
    }
    assertThat(ids(repo)).hasSize(2);
  }

  @Test
  void remove_idPrefixes_removesExactlyThose() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    Path source = new RandomTree(56, tmp.resolve("src")).build(3, 1);
    SnapshotResult first = snapshot(repo, "h", "v", source);
    SnapshotResult second = snapshot(repo, "h", "v", source);

    ForgetReport report = new Forgetter(repo).remove(List.of(first.id().substring(0, 10), first.id()),
        ForgetOptions.defaults());

    assertThat(report.removed()).isEqualTo(1);
    assertThat(ids(repo)).containsExactly(second.id());
  }
}
