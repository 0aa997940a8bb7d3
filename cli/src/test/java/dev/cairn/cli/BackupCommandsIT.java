package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.daemon.AgentConfiguration;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import dev.cairn.cli.testing.TestAgents;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup commands sent by the real controller to a real agent over mutual TLS on 127.0.0.1. */
class BackupCommandsIT {

  private static final Set<String> FINISHED = Set.of("ok", "changed", "failed", "skipped", "expired");

  @TempDir Path dir;
  private ControllerFixture controller;
  private AgentDaemon agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (controller != null) {
      controller.close();
    }
  }

  /** Posts a command and waits for the agent's result. */
  private static JsonNode run(Rest rest, String id, String kind, Map<String, Object> arguments) throws Exception {
    rest.post("/api/v1/nodes/node-a/commands", Map.of("id", id, "kind", kind, "arguments", arguments));
    await().atMost(Duration.ofSeconds(60))
        .until(() -> FINISHED.contains(rest.command(id).path("status").asText()));
    return rest.command(id);
  }

  @Test
  void snapshotRestoreVerify_fromTheController_restoredFilesAreBitExact() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    AgentConfiguration configuration = TestAgents.configuration(dir.resolve("a"), "node-a",
        controller.running().grpcTarget(), rest).setSchedulesEnabled(false);
    Path volume = configuration.baseDir().resolve("data/postgresql");
    writeVolume(volume);
    agent = AgentDaemon.start(configuration);
    await().atMost(Duration.ofSeconds(30)).until(() -> rest.connected("node-a"));

    JsonNode snapshot = run(rest, "snap-1", "snapshot", Map.of("volume", "postgresql-data", "tags", List.of("manual")));
    assertThat(snapshot.path("status").asText()).as(snapshot.toString()).isEqualTo("changed");
    String id = snapshot.path("result").path("details").path("snapshot").asText();
    assertThat(id).hasSize(64);

    Path target = dir.resolve("restored");
    JsonNode restore = run(rest, "restore-1", "restore",
        Map.of("volume", "postgresql-data", "snapshot", id, "target", target.toString()));
    assertThat(restore.path("status").asText()).as(restore.toString()).isEqualTo("changed");
    assertSameContent(volume, target);

    JsonNode verify = run(rest, "verify-1", "verify", Map.of("readDataPercent", 100));
    assertThat(verify.path("status").asText()).as(verify.toString()).isEqualTo("ok");
    assertThat(verify.path("result").path("details").path("healthy").asBoolean()).isTrue();

    JsonNode restoreTest = run(rest, "restore-test-1", "restore-test", Map.of("volume", "postgresql-data"));
    assertThat(restoreTest.path("status").asText()).as(restoreTest.toString()).isEqualTo("ok");
    assertThat(restoreTest.path("result").path("details").path("result").asText()).isEqualTo("pass");

    Path passwordFile = configuration.backupSettings().passwordFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
  }

  @Test
  void restore_unknownSnapshot_failsWithAMessageAndChangesNothing() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    AgentConfiguration configuration = TestAgents.configuration(dir.resolve("a"), "node-a",
        controller.running().grpcTarget(), rest).setSchedulesEnabled(false);
    agent = AgentDaemon.start(configuration);
    await().atMost(Duration.ofSeconds(30)).until(() -> rest.connected("node-a"));
    run(rest, "snap-1", "snapshot", Map.of("volume", "postgresql-data"));

    Path target = dir.resolve("restored");
    JsonNode restore = run(rest, "restore-1", "restore",
        Map.of("volume", "postgresql-data", "snapshot", "ffffffff", "target", target.toString()));

    assertThat(restore.path("status").asText()).isEqualTo("failed");
    assertThat(restore.path("result").path("message").asText()).contains("no snapshot 'ffffffff'");
    assertThat(target).doesNotExist();
  }

  private static void writeVolume(Path volume) throws Exception {
    Random random = new Random(7);
    byte[] big = new byte[5 << 20];
    random.nextBytes(big);
    Files.createDirectories(volume.resolve("base/16384"));
    Files.write(volume.resolve("base/16384/2619"), big);
    Files.write(volume.resolve("base/16384/empty"), new byte[0]);
    Files.writeString(volume.resolve("postgresql.conf"), "shared_buffers = 128MB\n");
    Files.setPosixFilePermissions(volume.resolve("postgresql.conf"), PosixFilePermissions.fromString("rw-------"));
    Files.createSymbolicLink(volume.resolve("current"), Path.of("base/16384"));
  }

  /** Same relative paths, types, bytes, symlink targets and permissions. */
  private static void assertSameContent(Path expected, Path actual) throws Exception {
    List<Path> left = relativePaths(expected);
    assertThat(relativePaths(actual)).containsExactlyElementsOf(left);
    for (Path rel : left) {
      Path a = expected.resolve(rel);
      Path b = actual.resolve(rel);
      if (Files.isSymbolicLink(a)) {
        assertThat(Files.readSymbolicLink(b)).isEqualTo(Files.readSymbolicLink(a));
        continue;
      }
      assertThat(Files.getPosixFilePermissions(b, LinkOption.NOFOLLOW_LINKS)).as("mode of %s", rel)
          .isEqualTo(Files.getPosixFilePermissions(a, LinkOption.NOFOLLOW_LINKS));
      if (Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS)) {
        assertThat(Files.mismatch(a, b)).as("content of %s", rel).isEqualTo(-1L);
      }
    }
  }

  private static List<Path> relativePaths(Path root) throws Exception {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !p.equals(root)).map(root::relativize).sorted().toList();
    }
  }
}
