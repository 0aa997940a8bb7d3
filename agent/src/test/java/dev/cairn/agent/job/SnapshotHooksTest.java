package dev.cairn.agent.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.agent.hook.VolumeHooks;
import dev.cairn.agent.snapshot.RandomTree;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.Hook;
import dev.cairn.inventory.desired.ServiceHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots run inside the hooks of the desired state (real commands, real repository). */
class SnapshotHooksTest {

  @TempDir Path dir;
  private Path base;
  private Path volume;
  private VolumeHooks hooks;
  private RepositoryJobs jobs;

  @BeforeEach
  void setUp() throws Exception {
    base = dir.resolve("ai-q");
    volume = new RandomTree(7, base.resolve("data/postgresql")).build(5, 2);
    hooks = new VolumeHooks(base, v -> v.equals("postgresql-data") ? Optional.of("postgresql") : Optional.empty(),
        () -> null);
    BackupSettings settings = new BackupSettings(base, base.resolve("backups/repo").toString(),
        dir.resolve("state/repo.password"), base.resolve("archives/repo").toString(),
        dir.resolve("state/archive.password"), dir.resolve("scratch"), "node-1", List.of(), ZoneOffset.UTC);
    jobs = new RepositoryJobs(settings, hooks, null);
  }

  static Hook command(String script, Hook.OnError onError) {
    return new Hook(Hook.Type.COMMAND, null, List.of("sh", "-c", script), 10, onError);
  }

  /** A desired state with these snapshot hooks (also for {@link ChildJobsTest}). */
  static DesiredState desired(long version, ServiceHooks... services) throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("schemaVersion", dev.cairn.inventory.desired.DesiredState.SCHEMA_VERSION);
    document.put("hooks", List.of(services));
    Struct.Builder spec = Struct.newBuilder();
    JsonFormat.parser().merge(DesiredStateCodec.writeJson(document), spec);
    return new DesiredState(version, spec.build().toByteString(), Instant.now());
  }

  @Test
  void snapshot_withPreAndPostHooks_capturesWhatThePreHookWroteAndRunsThePostHook() throws Exception {
    Path marker = volume.resolve("frozen.marker");
    Completion applied = hooks.apply(desired(1, new ServiceHooks("postgresql",
        List.of(command("echo consistent > " + marker, Hook.OnError.FAIL)),
        List.of(command("rm " + marker, Hook.OnError.FAIL)))));
    assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.CHANGED);

    Completion done = jobs.snapshot("postgresql-data", List.of());

    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.CHANGED);
    assertThat((List<?>) done.details().get("hooks")).hasSize(2);
    assertThat(marker).as("the post hook ran").doesNotExist();
    Path restored = dir.resolve("restored");
    jobs.restore("postgresql-data", (String) done.details().get(BackupJobs.SNAPSHOT_ID), restored.toString(), List.of());
    assertThat(Files.readString(restored.resolve("frozen.marker")).strip()).isEqualTo("consistent");
  }

  @Test
  void snapshot_preHookFails_takesNoSnapshotAndStillRunsThePostHook() throws Exception {
    Path postRan = dir.resolve("post-ran");
    hooks.apply(desired(1, new ServiceHooks("postgresql",
        List.of(command("exit 3", Hook.OnError.FAIL)),
        List.of(command("touch " + postRan, Hook.OnError.FAIL)))));

    Completion done = jobs.snapshot("postgresql-data", List.of());

    assertThat(done.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(done.message()).contains("not taken").contains("pre[0]");
    assertThat(postRan).exists();
    assertThatThrownBy(() -> jobs.restore("postgresql-data", "latest", dir.resolve("r").toString(), List.of()))
        .hasMessageContaining("postgresql-data");
  }

  @Test
  void apply_hooksThatCannotRun_isRefusedAndThePreviousPlansStay() throws Exception {
    hooks.apply(desired(1, new ServiceHooks("postgresql", List.of(command("true", Hook.OnError.FAIL)), List.of())));
    var before = hooks.plans();

    Completion refused = hooks.apply(desired(2, new ServiceHooks("postgresql",
        List.of(new Hook(Hook.Type.EXEC, null, List.of("true"), 10, Hook.OnError.FAIL)), List.of())));

    assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(refused.message()).contains("refused");
    assertThat(hooks.plans()).isEqualTo(before).hasSize(1);
  }

  @Test
  void snapshot_volumeOfAnotherService_runsNoHooks() throws Exception {
    new RandomTree(8, base.resolve("data/redis")).build(2, 1);
    hooks.apply(desired(1, new ServiceHooks("postgresql", List.of(command("exit 1", Hook.OnError.FAIL)), List.of())));

    Completion done = jobs.snapshot("redis-data", List.of());

    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.CHANGED);
    assertThat(done.details()).doesNotContainKey("hooks");
  }
}
