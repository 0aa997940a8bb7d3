package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.image.testing.Commands;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.snapshot.RestoreOptions;
import dev.cairn.agent.snapshot.RestorePipeline;
import dev.cairn.agent.snapshot.RestoreProgress;
import dev.cairn.agent.snapshot.RestoreResult;
import dev.cairn.agent.snapshot.SnapshotOptions;
import dev.cairn.agent.snapshot.SnapshotPipeline;
import dev.cairn.agent.snapshot.SnapshotProgress;
import dev.cairn.agent.snapshot.TestRepositories;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateResolver;
import dev.cairn.inventory.source.InventoryLoader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL recipe of docs/hooks.md against a real PostgreSQL 15: a writer commits rows
 * without pause while the data directory is snapshotted between a CHECKPOINT and a freeze of the
 * server's processes; the restored copy starts, recovers, and holds every row committed before
 * the snapshot began.
 */
class PostgresHookIT {

  private Path base;
  private ServiceUser user;
  private PostgresServer original;
  private PostgresServer restored;

  @BeforeEach
  void setUp() throws Exception {
    PostgresServer.requireInstalled();
    Commands.require("pkill", "procps");
    user = ServiceUser.forPackage("postgres", "postgresql");
    base = ServiceUser.tempDir("pgh");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (PostgresServer server : new PostgresServer[] {original, restored}) {
      if (server != null) {
        try {
          server.stop();
        } catch (AssertionError e) {
          // already stopped or never started; the directory goes below
        }
      }
    }
    Commands.run(List.of("rm", "-rf", base.toString()));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The hooks exactly as an operator writes them in group_vars, resolved by the inventory. */
  private List<HookPlan> hooksFromInventory(PostgresServer pg) throws Exception {
    Path inventory = Files.createDirectories(base.resolve("inventory"));
    Files.writeString(inventory.resolve("hosts.yml"), "all:\n  hosts:\n    node1:\n");
    Files.createDirectories(inventory.resolve("group_vars"));
    String psql = pg.psql("-c", "CHECKPOINT").stream().map(arg -> "'" + arg + "'")
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    Files.writeString(inventory.resolve("group_vars/all.yml"), """
        cairn_services: [postgresql]
        cairn_hooks:
          postgresql:
            pre:
              - command: %s
                timeout: 2m
              - command: [sh, -c, 'pid=$(head -n1 "$PGDATA/postmaster.pid") && kill -STOP "$pid" && pkill -STOP -P "$pid"']
                env: {PGDATA: "%s"}
                timeout: 10s
            post:
              - command: [sh, -c, 'pid=$(head -n1 "$PGDATA/postmaster.pid"); pkill -CONT -P "$pid"; kill -CONT "$pid"']
                env: {PGDATA: "%s"}
                timeout: 10s
        """.formatted(psql, pg.data(), pg.data()));
    DesiredState state = DesiredStateResolver.resolve(InventoryLoader.load(inventory.resolve("hosts.yml")), "node1");
    return HookDeclarations.plans(state.hooks());
  }

  @Test
  void hookedSnapshot_freezeRecipe_restoredServerStartsWithEveryRowCommittedBeforeTheSnapshot() throws Exception {
    original = PostgresServer.init(user, base, "orig", freePort());
    original.start();
    original.sql("CREATE TABLE t (id bigint PRIMARY KEY, payload text NOT NULL)");
    List<HookPlan> plans = hooksFromInventory(original);
    Repository repo = TestRepositories.create(base.resolve("repo"));
    HookedSnapshotResult result;
    long committedBeforeSnapshot;
    long committedAfterSnapshot;
    long committedAtEnd;
    try (RowWriter writer = new RowWriter(original).awaitRows(2_000)) {
      committedBeforeSnapshot = writer.committed();
      result = snapshot(repo, plans, original.data(), "postgresql-data");
      committedAfterSnapshot = writer.committed();
      writer.awaitMoreThan(committedAfterSnapshot); // the thawed server takes writes again
      committedAtEnd = writer.committed();
      assertThat(writer.failure()).as("the writer never failed").isNull();
    }

    assertThat(result.ok()).as("%s\n%s", result.error(), result.hooks()).isTrue();
    assertThat(result.hooks().outcomes()).hasSize(3).allMatch(HookOutcome::ok);
    assertThat(committedAtEnd).as("writes went on after the thaw").isGreaterThan(committedAfterSnapshot);
    original.stop(); // the node is lost; restore elsewhere

    restored = restoreAndStart(repo, result, "data");
    assertRecovered(restored, committedBeforeSnapshot, committedAtEnd);
    assertThat(restored.log()).as("the copy of a running server is recovered from its WAL")
        .contains("automatic recovery in progress");
  }

  @Test
  void hookedSnapshot_baseBackupRecipe_writesNeverWaitAndTheRestoredBackupHasEveryRowCommittedBefore()
      throws Exception {
    original = PostgresServer.init(user, base, "orig", freePort());
    original.start();
    original.sql("CREATE TABLE t (id bigint PRIMARY KEY, payload text NOT NULL)");
    Path backupVolume = user.ownDirectory(base.resolve("backup-volume"));
    List<String> basebackup = new ArrayList<>(List.of(PostgresServer.BIN.resolve("pg_basebackup").toString(),
        "-h", original.socketDir().toString(), "-p", String.valueOf(original.port()), "-U", "postgres",
        "-D", backupVolume.resolve("base.new").toString(), "-X", "stream", "-c", "fast", "-Fp", "--no-sync"));
    String script = "rm -rf \"$VOL/base.new\" && " + String.join(" ", user.command(basebackup))
        + " && rm -rf \"$VOL/base\" && mv \"$VOL/base.new\" \"$VOL/base\"";
    HookPlan plan = new HookPlan("postgresql", List.of(new HookStep.Command(List.of("sh", "-c", script),
        java.util.Map.of("VOL", backupVolume.toString()), java.time.Duration.ofMinutes(5), OnError.FAIL)), List.of());
    Repository repo = TestRepositories.create(base.resolve("repo"));
    HookedSnapshotResult result;
    long committedBeforeSnapshot;
    long committedAtEnd;
    try (RowWriter writer = new RowWriter(original).awaitRows(2_000)) {
      committedBeforeSnapshot = writer.committed();
      result = snapshot(repo, List.of(plan), backupVolume, "postgresql-backup");
      writer.awaitMoreThan(writer.committed());
      committedAtEnd = writer.committed();
      assertThat(writer.failure()).as("the writer never failed").isNull();
    }

    assertThat(result.ok()).as("%s\n%s", result.error(), result.hooks()).isTrue();
    original.stop();
    restored = restoreAndStart(repo, result, "backup");
    assertRecovered(restored, committedBeforeSnapshot, committedAtEnd);
    assertThat(restored.data().resolve("backup_label")).as("consumed by recovery").doesNotExist();
    assertThat(restored.log()).containsAnyOf("starting backup recovery", "completed backup recovery");
  }

  private static HookedSnapshotResult snapshot(Repository repo, List<HookPlan> plans, Path volume, String name)
      throws InterruptedException {
    try (HookExecutor executor = new HookExecutor(null)) {
      HookedSnapshotResult result = new HookedSnapshot(new HookSequence(executor), plans).run(
          new SnapshotPipeline(repo, SnapshotOptions.of(name, List.of(), "node1"), SnapshotProgress.NONE), volume);
      if (result.snapshot() != null) {
        assertThat(result.snapshot().partial()).as("errors %s", result.snapshot().record().errors()).isFalse();
      }
      return result;
    }
  }

  /** Restores the snapshot into a new directory ({@code sub} of the snapshot is the data directory) and starts it. */
  private PostgresServer restoreAndStart(Repository repo, HookedSnapshotResult result, String sub) throws Exception {
    Path target = base.resolve("restored-" + sub);
    RestoreResult files = new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE)
        .run(result.snapshot().record(), target);
    assertThat(files.ok()).as("damaged %s errors %s", files.damaged(), files.errors()).isTrue();
    Path data = sub.equals("data") ? target : target.resolve("base");
    // A new directory has no server: the copied lock file is stale (docs/hooks.md, Restore). Its pid
    // may even look alive here: the stopped original can linger as a zombie under a PID 1 that reaps nothing.
    Files.deleteIfExists(data.resolve("postmaster.pid"));
    PostgresServer server = PostgresServer.on(user, base, "restored", data, freePort());
    server.start();
    return server;
  }

  private static void assertRecovered(PostgresServer server, long committedBefore, long committedAtEnd)
      throws Exception {
    assertThat(server.log()).contains("database system is ready to accept connections")
        .doesNotContain("PANIC").doesNotContain("FATAL");
    String[] fields = server.sql("SELECT count(*), coalesce(max(id), 0), count(*) FILTER (WHERE id <= "
        + committedBefore + ") FROM t").split("\\|");
    long count = Long.parseLong(fields[0]);
    long maxId = Long.parseLong(fields[1]);
    assertThat(Long.parseLong(fields[2])).as("rows committed before the snapshot began").isEqualTo(committedBefore);
    assertThat(count).as("ids are 1..max without holes").isEqualTo(maxId);
    assertThat(maxId).isLessThanOrEqualTo(committedAtEnd);
    assertThat(server.sql("CREATE EXTENSION amcheck; SELECT bt_index_check('t_pkey', true)")).isEmpty();
    assertThat(server.sql("SELECT count(*) FROM t WHERE payload <> " + RowWriter.payloadSql("id"))).isEqualTo("0");
  }
}
