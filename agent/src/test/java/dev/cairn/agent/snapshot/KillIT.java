package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at seeded random instants during a snapshot and during a prune (a child JVM,
 * SIGKILLed): afterwards {@code verify --read-data} accepts the repository, a new snapshot works
 * and restores bit-exact.
 */
class KillIT {

  private static final int SEEDS = 20;

  @TempDir static Path tmp;
  static Path source;

  @BeforeAll
  static void data() throws Exception {
    source = Files.createDirectories(tmp.resolve("src"));
    Random random = new Random(77);
    for (int i = 0; i < 120; i++) {
      byte[] data = new byte[200_000 + random.nextInt(200_000)];
      random.nextBytes(data);
      Files.write(source.resolve("small-" + i), data);
    }
    for (int i = 0; i < 5; i++) {
      byte[] data = new byte[6 << 20];
      random.nextBytes(data);
      Files.write(source.resolve("big-" + i), data);
    }
  }

  /** Runs the child and kills it after {@code delayMillis}; returns whether it was still running. */
  private static boolean killAfter(long delayMillis, String... args) throws Exception {
    Process child = SnapshotChild.start(List.of(), args);
    boolean finished = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
    if (!finished) {
      child.destroyForcibly(); // SIGKILL
      child.waitFor();
    }
    return !finished;
  }

  private static void assertHealthyAndUsable(Path repoDir, String context) throws Exception {
    Repository repo = TestRepositories.open(repoDir);
    VerifyReport report = new Verifier(repo, 1, 2).run();
    assertThat(report.healthy()).as("%s: errors %s damaged %s", context, report.errors(), report.damaged()).isTrue();
    SnapshotResult next = new SnapshotPipeline(repo, SnapshotOptions.of("vol", List.of(), "after"),
        SnapshotProgress.NONE).run(source);
    RestoreTestReport check = new RestoreTester(repo, tmp.resolve("scratch")).run(next.record());
    assertThat(check.passed()).as("%s: %s", context, check.failures()).isTrue();
  }

  @Test
  void snapshot_killedAtRandomInstants_leavesVerifiableRepository() throws Exception {
    int killed = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      Path repoDir = tmp.resolve("snap-" + seed);
      TestRepositories.create(repoDir, 1 << 20);
      long delay = 100 + new Random(seed).nextInt(1400);
      if (killAfter(delay, "snapshot", repoDir.toString(), source.toString())) {
        killed++;
      }
      assertHealthyAndUsable(repoDir, "seed " + seed + " (killed after " + delay + " ms)");
    }
    assertThat(killed).as("children killed before they finished").isGreaterThanOrEqualTo(SEEDS / 2);
  }

  @Test
  void prune_killedAtRandomInstants_leavesVerifiableRepository() throws Exception {
    int killed = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      Path repoDir = tmp.resolve("prune-" + seed);
      Repository repo = TestRepositories.create(repoDir, 1 << 20);
      Path changing = Files.createDirectories(tmp.resolve("changing-" + seed));
      Random random = new Random(seed);
      SnapshotOptions options = SnapshotOptions.of("vol", List.of(), "h");
      SnapshotResult first = null;
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 40; i++) {
          byte[] data = new byte[100_000];
          random.nextBytes(data);
          Files.write(changing.resolve("f" + (round * 20 + i)), data);
        }
        SnapshotResult result = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(changing);
        first = first == null ? result : first;
      }
      repo.removeSnapshot(first.id());
      long delay = 150 + random.nextInt(1500);
      if (killAfter(delay, "prune", repoDir.toString())) {
        killed++;
      }
      Repository reopened = TestRepositories.open(repoDir);
      VerifyReport afterKill = new Verifier(reopened, 1, 2).run();
      assertThat(afterKill.healthy()).as("seed %d: %s %s", seed, afterKill.errors(), afterKill.damaged()).isTrue();
      new Pruner(reopened).run();
      assertHealthyAndUsable(repoDir, "prune seed " + seed);
    }
    assertThat(killed).as("children killed before they finished").isGreaterThanOrEqualTo(SEEDS / 4);
  }
}
