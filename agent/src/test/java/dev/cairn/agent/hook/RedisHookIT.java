package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.snapshot.RestoreOptions;
import dev.cairn.agent.snapshot.RestorePipeline;
import dev.cairn.agent.snapshot.RestoreProgress;
import dev.cairn.agent.snapshot.RestoreResult;
import dev.cairn.agent.snapshot.SnapshotOptions;
import dev.cairn.agent.snapshot.SnapshotPipeline;
import dev.cairn.agent.snapshot.SnapshotProgress;
import dev.cairn.agent.snapshot.TestRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redis recipe of docs/hooks.md against a real redis-server: keys are written continuously,
 * the pre hook (the script from the docs) runs BGSAVE and waits for it, the data directory is
 * snapshotted and restored, and a new redis-server on the restored directory has every key
 * acknowledged before the snapshot began.
 */
class RedisHookIT {

  @TempDir Path tmp;

  @Test
  void hookedSnapshot_bgsaveHook_restoredRedisHasEveryKeyWrittenBeforeTheSnapshot() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("redis-data"));
    AtomicLong acked = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Exception> writerFailure = new AtomicReference<>();
    HookedSnapshotResult result;
    long ackedBeforeSnapshot;
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    try (RedisServer redis = RedisServer.start(dir, tmp.resolve("redis.log"))) {
      Thread writer = new Thread(() -> {
        try (RedisServer.Client client = redis.client()) {
          for (long i = 1; !stop.get(); i++) {
            String reply = client.call("SET k:" + i + " v" + i);
            if (!reply.equals("+OK")) {
              throw new IllegalStateException("SET k:" + i + " answered " + reply);
            }
            acked.set(i);
          }
        } catch (Exception e) {
          writerFailure.set(e);
        }
      }, "redis-writer");
      writer.start();
      while (acked.get() < 5_000 && writer.isAlive()) {
        Thread.sleep(10);
      }
      HookStep bgsave = new HookStep.Command(List.of("sh", "-c", DocRecipes.recipe("redis-bgsave")),
          Map.of("REDIS_PORT", String.valueOf(redis.port())), Duration.ofSeconds(60), OnError.FAIL);

      ackedBeforeSnapshot = acked.get();
      try (HookExecutor executor = new HookExecutor(null)) {
        result = new HookedSnapshot(new HookSequence(executor), List.of(new HookPlan("redis", List.of(bgsave), List.of())))
            .run(new SnapshotPipeline(repo, SnapshotOptions.of("redis-data", List.of(), "node1"), SnapshotProgress.NONE),
                dir);
      }
      stop.set(true);
      writer.join(30_000);
    }

    assertThat(writerFailure.get()).isNull();
    assertThat(result.ok()).as("%s %s", result.error(), result.hooks()).isTrue();
    assertThat(result.snapshot().record().errors()).isEmpty();
    assertThat(acked.get()).as("writes went on during the hook").isGreaterThan(ackedBeforeSnapshot);
    Path restoredDir = tmp.resolve("restored");
    RestoreResult restored = new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE)
        .run(result.snapshot().record(), restoredDir);
    assertThat(restored.ok()).isTrue();
    assertThat(restoredDir.resolve("dump.rdb")).isRegularFile();
    try (RedisServer again = RedisServer.start(restoredDir, tmp.resolve("restored.log"));
        RedisServer.Client client = again.client()) {
      assertThat(again.log()).contains("DB loaded from disk");
      String present = client.call("EVAL \"local n=0 for i=1,tonumber(ARGV[1]) do if redis.call('GET','k:'..i)==('v'..i) "
          + "then n=n+1 end end return n\" 0 " + ackedBeforeSnapshot);
      assertThat(present).isEqualTo(":" + ackedBeforeSnapshot);
    }
  }
}
