package dev.cairn.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cairn agent run} through the real launcher, in an install of its own (the launcher
 * copied, the built jars and the kept first-start class list linked): the first run maps an archive
 * of the kept list and records the agent's class list, the second builds the class-data archive from
 * that and connects, the third maps it. Every run has {@code -Xshare:on}, under which the JVM refuses
 * to start if it cannot map its archive. The node has a desired state that raises alerts, and the
 * first run also answers a ping: the class list it records shows that none of it built protobuf's
 * descriptors (docs/protocol.md, "Documents as bytes").
 */
class AgentClassDataIT {

  private static final Path BUILT = Path.of("target").toAbsolutePath();
  private static final Path KEPT_LIST = Path.of("src", "main", "cds", "agent-first-start.classlist").toAbsolutePath();
  private static final Path AGENT_DEPENDENCIES = Path.of("..", "agent", "target", "lib").toAbsolutePath().normalize();

  @TempDir Path dir;
  private ControllerFixture controller;
  private Process agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (controller != null) {
      controller.close();
    }
  }

  @Test
  void agentRun_firstStartMapsTheKeptList_secondStartBuildsItsOwnArchive_thirdStartMapsIt() throws Exception {
    Path install = install();
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    JsonNode token = rest.createEnrollmentToken("cds");
    Path config = dir.resolve("agent.yml");
    Files.createDirectories(dir.resolve("ai-q/data/redis"));
    Files.writeString(config, """
        controller: 127.0.0.1:%d
        nodeName: cds
        stateDir: %s
        baseDir: %s
        enrollment:
          token: %s
          caFingerprint: %s
        """.formatted(controller.grpcPort(), dir.resolve("state"), dir.resolve("ai-q"),
        token.path("token").asText(), token.path("caFingerprint").asText()));
    Path list = install.resolve("cli/target/cairn-agent.classlist");
    Path archive = install.resolve("cli/target/cairn-agent.jsa");
    // every volume of the seed's catalogue over its 1% capacity threshold: alert events at the first report
    rest.put("/api/v1/nodes/cds/desired", Map.of("schemaVersion", 1, "baseDir", dir.resolve("ai-q").toString(),
        "alertThresholds", Map.of("capacityWarningPercent", 1, "capacityCriticalPercent", 100,
            "inodesWarningPercent", 80, "inodesCriticalPercent", 90, "daysToFullWarning", 30, "daysToFullCritical", 7,
            "missedRunsWarning", 1, "missedRunsCritical", 3)));

    String first = runUntilConnected(install, config, rest, "-Xshare:on", () -> {
      await().atMost(Duration.ofSeconds(60)).until(() -> rest.node("cds").path("appliedVersion").asLong() > 0);
      await().atMost(Duration.ofSeconds(60)).until(() -> rest.events("cds", "alert.raised").size() > 0);
      rest.ping("cds", "cds-ping", "details");
      await().atMost(Duration.ofSeconds(60)).until(() -> rest.command("cds-ping").path("status").asText().equals("ok"));
      assertThat(rest.command("cds-ping").path("result").path("details").path("payload").asText()).isEqualTo("details");
    });
    assertThat(first).contains("cairn: building the agent's first-start class-data archive");
    assertThat(archive).doesNotExist();
    assertThat(Files.readAllLines(list)).hasSizeGreaterThan(2000)
        .contains("dev/cairn/cli/agent/AgentMain", "io/grpc/okhttp/OkHttpChannelBuilder");
    Set<String> recorded = classes(list);
    Set<String> kept = classes(KEPT_LIST);
    long covered = recorded.stream().filter(kept::contains).count();
    assertThat(covered).as("the kept first-start class list (%s) names %d of the %d classes this first start"
        + " loaded; record it again: bench/agent-classlist.sh", KEPT_LIST, covered, recorded.size())
        .isGreaterThanOrEqualTo(recorded.size() * 9L / 10);
    assertThat(recorded).as("an agent that read a desired state, raised alerts and answered a command built"
        + " protobuf's descriptors (about 250 classes, 3 MiB resident): something on that path parsed or built a"
        + " map or Struct field, or called toString or hashCode on a message")
        .doesNotContain("com/google/protobuf/Descriptors$FileDescriptor", "dev/cairn/proto/v1/AgentProto",
            "com/google/protobuf/StructProto")
        .noneMatch(name -> name.startsWith("com/google/protobuf/DescriptorProtos"));

    String second = runUntilConnected(install, config, rest, "-Xshare:on", () -> { });
    assertThat(second).contains("cairn: building the agent's class-data archive");
    assertThat(Files.size(archive)).isGreaterThan(1 << 20);

    String third = runUntilConnected(install, config, rest, "-Xshare:on", () -> { });
    assertThat(third).doesNotContain("class-data archive").doesNotContain("Error");
  }

  private static Set<String> classes(Path list) throws IOException {
    return Files.readAllLines(list).stream().filter(line -> !line.startsWith("#") && !line.startsWith("@"))
        .map(line -> line.split(" ")[0]).collect(Collectors.toSet());
  }

  /** What a run does while the agent is connected. */
  private interface WhileConnected {
    void run() throws Exception;
  }

  /**
   * Starts the agent through the launcher, waits until the controller sees it, runs {@code then},
   * stops it with SIGTERM.
   */
  private String runUntilConnected(Path install, Path config, Rest rest, String javaOptions, WhileConnected then)
      throws Exception {
    Path log = Files.createTempFile(dir, "agent", ".log");
    ProcessBuilder builder = new ProcessBuilder(install.resolve("bin/cairn").toString(), "agent", "run", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("CAIRN_JAVA_OPTS", javaOptions);
    agent = builder.start();
    await().atMost(Duration.ofSeconds(90))
        .failFast(() -> !agent.isAlive())
        .until(() -> rest.connected("cds"));
    then.run();
    agent.destroy();
    assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
    agent = null;
    await().atMost(Duration.ofSeconds(30)).until(() -> !rest.connected("cds"));
    return Files.readString(log);
  }

  /** bin/cairn in a directory of its own, with the jars of this build linked where it looks for them. */
  private Path install() throws IOException {
    assertThat(BUILT.resolve("cairn.jar")).as("built by 'mvn package' before the ITs").exists();
    assertThat(BUILT.resolve("agent-lib")).as("built by 'mvn package' before the ITs").isDirectory();
    assertThat(AGENT_DEPENDENCIES).as("built by 'mvn package' before the ITs").isDirectory();
    Path install = dir.resolve("install");
    Files.createDirectories(install.resolve("bin"));
    Files.createDirectories(install.resolve("cli/target"));
    Files.createDirectories(install.resolve("agent/target"));
    Path launcher = install.resolve("bin/cairn");
    Files.copy(Path.of("..", "bin", "cairn"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(install.resolve("cli/target/cairn.jar"), BUILT.resolve("cairn.jar"));
    Files.createDirectories(install.resolve("cli/src/main/cds"));
    Path kept = install.resolve("cli/src/main/cds/agent-first-start.classlist");
    Files.copy(KEPT_LIST, kept);
    // a source newer than the jar would make bin/cairn rebuild, which this install cannot
    Files.setLastModifiedTime(kept, FileTime.fromMillis(Files.getLastModifiedTime(BUILT.resolve("cairn.jar")).toMillis()
        - 60_000));
    Files.createSymbolicLink(install.resolve("cli/target/agent-lib"), BUILT.resolve("agent-lib"));
    Files.createSymbolicLink(install.resolve("agent/target/lib"), AGENT_DEPENDENCIES);
    Files.createSymbolicLink(install.resolve("agent/target/daemon-lib"), AGENT_DEPENDENCIES.resolveSibling("daemon-lib"));
    return install;
  }
}
